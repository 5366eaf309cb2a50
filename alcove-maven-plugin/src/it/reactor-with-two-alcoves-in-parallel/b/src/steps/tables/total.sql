SELECT sum(dim_n) AS total, 'b' AS dim_module FROM '{numbers}'
