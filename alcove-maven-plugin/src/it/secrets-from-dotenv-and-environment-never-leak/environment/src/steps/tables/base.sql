SELECT 1 AS dim_one
