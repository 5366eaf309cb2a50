package dev.alcove.core.run.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Spark SQL: a {@code .sql} file whose config says {@code engine: spark}, run on a Spark cluster
 * through Spark Connect. Its inputs are views named by their variables; the run's Spark build reads
 * and writes the data in the store, so its runner only names the engine.
 */
final class SparkKind implements StepKind {

  @Override
  public String description() {
    return "Spark SQL";
  }

  /** None: the config, not the extension, picks it. */
  @Override
  public Optional<String> extension() {
    return Optional.empty();
  }

  @Override
  public StepRunner runner(Supplier<List<Path>> javaClassPath) {
    return new StepRunner() {
      @Override
      public void run(StepContext context) {
        throw new IllegalStateException(
            context.uri() + " runs on Spark: the run builds it on the cluster, not here");
      }

      @Override
      public String engine(Engines engines) {
        return engines.spark();
      }

      @Override
      public boolean onSpark() {
        return true;
      }
    };
  }

  /** Written and listed as any SQL step: only its config differs. */
  @Override
  public String placeholder() {
    return StepKinds.SQL.placeholder();
  }

  @Override
  public String listPrefix() {
    return StepKinds.SQL.listPrefix();
  }

  @Override
  public String inputLine(String variable, dev.alcove.core.uri.StepUri input) {
    return StepKinds.SQL.inputLine(variable, input);
  }
}
