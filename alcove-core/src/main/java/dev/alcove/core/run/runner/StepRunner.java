package dev.alcove.core.run.runner;

/** Builds a table from its definition: one implementation per kind of step. */
public interface StepRunner {

  /** Writes the table's Parquet file to {@code context.output()}, or throws. */
  void run(StepContext context);

  /**
   * What, besides the definition and inputs, decides the bytes this runner writes (e.g. DuckDB's
   * version): part of the cache key of every table it builds.
   */
  String engine(Engines engines);

  /** Whether the step runs on a Spark cluster, its data staying in the store. */
  default boolean onSpark() {
    return false;
  }
}
