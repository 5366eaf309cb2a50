-- A country counted twice in a year would double its region's total.
SELECT dim_iso3, dim_year, count(*) AS rows
FROM '{this}'
GROUP BY dim_iso3, dim_year
HAVING count(*) > 1
