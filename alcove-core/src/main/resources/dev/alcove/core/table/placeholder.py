#!/usr/bin/env python3
"""${uri}

alcove runs this program with the path of each input, then the path of the Parquet
file it must write:

    python3 <this file> <input>... <output.parquet>

Inputs, in order:
${inputs}

This placeholder writes a small example table with DuckDB's Python package
(`pip install duckdb`); any library that writes Parquet will do.
"""

import sys


def main(args: list[str]) -> None:
    *inputs, output = args
    import duckdb

    duckdb.sql("SELECT 1 AS dim_example, 'replace me' AS value").write_parquet(output)


if __name__ == "__main__":
    main(sys.argv[1:])
