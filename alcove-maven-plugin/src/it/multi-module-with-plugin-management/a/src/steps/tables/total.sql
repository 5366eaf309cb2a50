SELECT sum(dim_n) AS total, 'a' AS dim_module FROM '{numbers}'
