SELECT region AS dim_region, sum(people)::BIGINT AS people FROM '{people}' GROUP BY ALL ORDER BY ALL
