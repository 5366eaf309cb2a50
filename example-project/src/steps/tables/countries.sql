-- One row per country: its ISO code, name and where it lies.
SELECT
  "ISO3166-1-Alpha-3" AS dim_iso3,
  "CLDR display name" AS country,
  "Region Name" AS region,
  "Sub-region Name" AS sub_region,
  "Capital" AS capital
FROM read_csv('{country-codes}', header = true, all_varchar = true)
WHERE "ISO3166-1-Alpha-3" IS NOT NULL AND "Region Name" IS NOT NULL
ORDER BY dim_iso3
