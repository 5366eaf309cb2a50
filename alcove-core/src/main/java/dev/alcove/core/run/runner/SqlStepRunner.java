package dev.alcove.core.run.runner;

import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.duckdb.SqlScript;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.naming.TemplateVariables;
import java.io.IOException;
import java.nio.file.Files;
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
      text = Files.readString(context.definition());
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + context.definition(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (StepInput input : context.inputs()) {
      values.put(input.variable(), escape(input.dataPath().toString()));
    }
    List<SqlScript.Statement> statements = SqlScript.split(text);
    // Only code counts: the placeholder's comment mentions {output_file} too.
    boolean writesItself =
        statements.stream()
            .anyMatch(s -> s.code().contains("{" + TemplateVariables.OUTPUT_FILE + "}"));
    values.put(TemplateVariables.OUTPUT_FILE, escape(context.output().toString()));
    if (statements.isEmpty()) {
      throw new StepFailedException(context.definition() + ": the SQL file holds no statement");
    }
    String file = context.alcoveRoot().relativize(context.definition()).toString();
    requireKnownVariables(file, statements, values.keySet());
    try (Connection connection = DuckDb.inMemory()) {
      for (int i = 0; i < statements.size(); i++) {
        SqlScript.Statement statement = statements.get(i);
        String sql = TemplateVariables.substitute(statement.sql(), values);
        if (!writesItself && i == statements.size() - 1) {
          sql =
              "COPY ("
                  + sql
                  + "\n) TO "
                  + DuckDb.literal(context.output().toString())
                  + " (FORMAT parquet)";
        }
        try (Statement jdbc = connection.createStatement()) {
          jdbc.execute(sql);
        } catch (SQLException e) {
          throw new StepFailedException(file + ":" + statement.line() + ": " + DuckDb.message(e));
        }
      }
    } catch (SQLException e) {
      throw new StepFailedException("cannot start DuckDB for " + file + ": " + DuckDb.message(e));
    }
  }

  private static final java.util.regex.Pattern VARIABLE =
      java.util.regex.Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /**
   * Fails before DuckDB runs when the SQL names a variable this step does not have (a dependency
   * renamed, or a typo), saying which it has: otherwise DuckDB would report a file {@code
   * {cities_enriched}} that does not exist.
   */
  private static void requireKnownVariables(
      String file, List<SqlScript.Statement> statements, java.util.Set<String> known) {
    for (SqlScript.Statement statement : statements) {
      java.util.regex.Matcher found = VARIABLE.matcher(statement.code());
      while (found.find()) {
        if (!known.contains(found.group(1))) {
          throw new StepFailedException(
              file
                  + ":"
                  + statement.line()
                  + ": {"
                  + found.group(1)
                  + "} is not one of this step's variables: "
                  + String.join(
                      ", ", known.stream().sorted().map(name -> "{" + name + "}").toList())
                  + " (each dependency's name, and {output_file})");
        }
      }
    }
  }

  /** Paths go inside the user's quotes: a quote in a path must not end the literal. */
  private static String escape(String path) {
    return path.replace("'", "''");
  }
}
