package dev.alcove.core.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Spark SQL session on a cluster, as alcove uses it: the port that {@code alcove-spark}
 * implements with the Spark Connect client. Data stays on the cluster's side: locations are URIs
 * the cluster reads ({@code file:}, {@code s3a:}), and only schemas, counts and a few rows of a
 * failed data test come back.
 */
public interface SparkSql extends AutoCloseable {

  /** The Spark version the server reports: part of the cache key of every table built on it. */
  String version();

  /** Where the server is and how alcove uses it. */
  SparkSettings settings();

  /**
   * Sets settings of this session (Hadoop's among them, as {@code fs.s3a.*}); values may be
   * secrets, and are never logged.
   */
  void configure(Map<String, String> settings);

  /**
   * Registers a temporary view over the data at {@code locations} (the files of a folder, or one
   * file), read as one table: {@code format} is {@code parquet} or {@code csv} (read with a header
   * and an inferred schema unless {@code options} say otherwise).
   */
  void view(String name, List<String> locations, String format, Map<String, String> options);

  /** Runs a statement for its effect ({@code CREATE TEMPORARY VIEW ...}). */
  void execute(String statement);

  /**
   * Writes what {@code query} returns as one Parquet file into the folder {@code location}, which
   * must not exist yet.
   */
  Written write(String query, String location);

  /** The first column of the first row {@code query} returns, as a number. */
  long count(String query);

  /** Up to {@code limit} rows of {@code query}, each column by name as text (null as null). */
  List<Map<String, String>> rows(String query, int limit);

  @Override
  void close();

  /** What a write produced: the columns with their Spark SQL types, and the row count. */
  record Written(LinkedHashMap<String, String> schema, long rows) {}
}
