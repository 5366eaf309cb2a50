package dev.alcove.core.run.runner;

import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** DuckDB SQL: {@code .sql}, run in an in-memory DuckDB. */
final class SqlKind implements StepKind {

  @Override
  public String description() {
    return "DuckDB SQL";
  }

  @Override
  public Optional<String> extension() {
    return Optional.of(".sql");
  }

  @Override
  public StepRunner runner(Supplier<List<Path>> javaClassPath) {
    return new SqlStepRunner();
  }

  @Override
  public String placeholder() {
    return "placeholder.sql";
  }

  @Override
  public String listPrefix() {
    return "--   ";
  }

  @Override
  public String inputLine(String variable, StepUri input) {
    return listPrefix() + "{" + variable + "} = " + input;
  }
}
