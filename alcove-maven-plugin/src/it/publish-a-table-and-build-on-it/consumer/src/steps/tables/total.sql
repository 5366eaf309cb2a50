SELECT sum(n)::BIGINT AS total FROM '{numbers}'
