-- Population of each country and year. Joining on the country list drops the World Bank's
-- aggregates (World, income groups, regions), which have codes but are not countries.
SELECT
  c.dim_iso3,
  p."Year"::INTEGER AS dim_year,
  c.country,
  c.region,
  p."Value"::BIGINT AS population
FROM read_csv('{population}', header = true) AS p
JOIN '{countries}' AS c ON c.dim_iso3 = p."Country Code"
ORDER BY dim_iso3, dim_year
