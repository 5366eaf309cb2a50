-- ${uri}
--
-- alcove runs this query in DuckDB and writes its result to Parquet.
-- Each input below is replaced by the path of its data:
${inputs}
-- To write the output yourself instead, use {output_file}, e.g.
--   COPY (SELECT ...) TO '{output_file}' (FORMAT parquet)
${query}
