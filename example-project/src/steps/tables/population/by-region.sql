-- Population of each region (Africa, Americas, Asia, Europe, Oceania) and year.
SELECT region AS dim_region, dim_year, sum(population)::BIGINT AS population, count(*) AS countries
FROM '{by-country}'
GROUP BY ALL
ORDER BY dim_region, dim_year
