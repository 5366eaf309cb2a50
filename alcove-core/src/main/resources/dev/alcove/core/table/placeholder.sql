-- ${uri}
--
-- alcove runs this query in DuckDB and writes its result to Parquet.
-- Each input below is replaced by the path of its data:
${inputs}
${query}
