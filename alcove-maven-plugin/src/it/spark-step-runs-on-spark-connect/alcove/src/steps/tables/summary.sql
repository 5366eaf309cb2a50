-- Runs on Spark: {people} is a view over the snapshot, read by the server from the store.
SELECT region AS dim_region, CAST(sum(people) AS BIGINT) AS people FROM {people} GROUP BY region
