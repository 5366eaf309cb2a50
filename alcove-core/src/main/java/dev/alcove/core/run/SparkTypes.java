package dev.alcove.core.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Spark SQL's type names as DuckDB names the same Parquet columns: a table's metadata and its cache
 * entry hold DuckDB's, which a restore compares with what DuckDB reads in the file.
 */
final class SparkTypes {

  private static final Map<String, String> SIMPLE =
      Map.ofEntries(
          Map.entry("STRING", "VARCHAR"),
          Map.entry("BIGINT", "BIGINT"),
          Map.entry("INT", "INTEGER"),
          Map.entry("SMALLINT", "SMALLINT"),
          Map.entry("TINYINT", "TINYINT"),
          Map.entry("DOUBLE", "DOUBLE"),
          Map.entry("FLOAT", "FLOAT"),
          Map.entry("BOOLEAN", "BOOLEAN"),
          Map.entry("DATE", "DATE"),
          // Spark writes TIMESTAMP adjusted to UTC, which DuckDB reads with a time zone.
          Map.entry("TIMESTAMP", "TIMESTAMP WITH TIME ZONE"),
          Map.entry("TIMESTAMP_NTZ", "TIMESTAMP"),
          Map.entry("BINARY", "BLOB"));

  private SparkTypes() {}

  static Map<String, String> asDuckDb(Map<String, String> spark) {
    Map<String, String> duckdb = new LinkedHashMap<>();
    spark.forEach((column, type) -> duckdb.put(column, asDuckDb(type)));
    return duckdb;
  }

  /** A nested or unusual type keeps Spark's name: a restore then finds it differs, and rebuilds. */
  static String asDuckDb(String type) {
    String upper = type.toUpperCase(Locale.ROOT);
    if (upper.startsWith("DECIMAL")) {
      return upper.replace(" ", "");
    }
    return SIMPLE.getOrDefault(upper, upper);
  }
}
