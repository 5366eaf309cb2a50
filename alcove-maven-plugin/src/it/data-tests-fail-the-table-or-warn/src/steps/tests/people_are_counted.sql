-- every region of the snapshot is in the summary
SELECT region FROM read_csv('{people}')
WHERE region NOT IN (SELECT dim_region FROM '{this}')
