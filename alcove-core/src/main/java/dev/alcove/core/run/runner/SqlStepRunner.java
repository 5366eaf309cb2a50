package dev.alcove.core.run.runner;

import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.duckdb.SqlScript;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.TextFiles;
import dev.alcove.core.naming.TemplateVariables;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code .sql} step in an in-memory DuckDB. Each input's {@code {name}} and {@code
 * {output_file}} are replaced by paths (quotes escaped). Without {@code {output_file}}, the last
 * statement is the query whose result becomes the table.
 */
public final class SqlStepRunner implements StepRunner {

  @Override
  public String engine(Engines engines) {
    return engines.duckdb();
  }

  @Override
  public void run(StepContext context) {
    String text;
    try {
      text =
          TextFiles.readUtf8(
              context.definition(),
              context.alcoveRoot().relativize(context.definition()).toString());
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + context.definition(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (StepInput input : context.inputs()) {
      values.put(input.variable(), TemplateVariables.quotable(input.dataPath()));
    }
    List<SqlScript.Statement> statements = SqlScript.split(text);
    // Only code counts: the placeholder's comment mentions {output_file} too.
    boolean writesItself =
        statements.stream()
            .anyMatch(s -> s.code().contains("{" + TemplateVariables.OUTPUT_FILE + "}"));
    values.put(TemplateVariables.OUTPUT_FILE, TemplateVariables.quotable(context.output()));
    if (statements.isEmpty()) {
      throw new StepFailedException(context.definition() + ": the SQL file holds no statement");
    }
    String file = context.alcoveRoot().relativize(context.definition()).toString();
    try {
      TemplateVariables.requireKnown(
          file, statements, values.keySet(), "each dependency's name, and {output_file}");
    } catch (AlcoveException e) {
      throw new StepFailedException(e.getMessage());
    }
    try (Connection connection = DuckDb.inMemory()) {
      for (int i = 0; i < statements.size(); i++) {
        SqlScript.Statement statement = statements.get(i);
        String sql = TemplateVariables.substitute(statement.sql(), values);
        int linesBefore = 0;
        if (!writesItself && i == statements.size() - 1) {
          linesBefore = 1;
          sql =
              "COPY (\n"
                  + sql
                  + "\n) TO "
                  + DuckDb.literal(context.output().toString())
                  + " (FORMAT parquet)";
        }
        try (Statement jdbc = connection.createStatement()) {
          jdbc.execute(sql);
        } catch (SQLException e) {
          throw new StepFailedException(DuckDb.messageAt(e, file, statement, linesBefore));
        }
      }
    } catch (SQLException e) {
      throw new StepFailedException("cannot start DuckDB for " + file + ": " + DuckDb.message(e));
    }
  }
}
