package dev.alcove.core.db;

import dev.alcove.core.Alcove;
import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.text.NearestNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code db}: an in-memory DuckDB with a view over every built table, for queries, a simple prompt,
 * or a listing of the views with their row counts. A table whose data is only in the store gets its
 * view when a statement names it: it is fetched then, verified by checksum.
 */
public final class AlcoveDatabase implements AutoCloseable {

  private static final Pattern BARE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Statements of one word, which a bare name is not taken for. */
  private static final java.util.Set<String> STATEMENT_WORDS =
      java.util.Set.of("CHECKPOINT", "VACUUM", "ANALYZE", "COMMIT", "ROLLBACK", "BEGIN", "SHOW");

  private static String upper(String text) {
    return text.toUpperCase(java.util.Locale.ROOT);
  }

  private static final Pattern MISSING_TABLE =
      Pattern.compile("Table with name ([A-Za-z_][A-Za-z0-9_]*) does not exist");

  private final Connection connection;
  private final Map<String, TableViews.View> views;
  private final ViewHistory history;
  private final TableData data;

  /** Views over tables still in the store, created once a statement names them. */
  private final Map<String, TableViews.View> inStore = new java.util.TreeMap<>();

  private final FrontEnd frontEnd;

  private AlcoveDatabase(
      Connection connection,
      Map<String, TableViews.View> views,
      ViewHistory history,
      TableData data,
      FrontEnd frontEnd) {
    this.data = data;
    this.frontEnd = frontEnd;
    this.connection = connection;
    this.views = views;
    this.history = history;
  }

  /**
   * Opens the views; a short name that showed another table in an earlier {@code db} is left out
   * with a warning on {@code log}.
   */
  public static AlcoveDatabase open(
      Alcove alcove, TableViews.Names names, TableData data, AlcoveLog log) {
    ViewHistory history = ViewHistory.load(alcove.layout().buildDir());
    Map<String, TableViews.View> views =
        history.keepMeanings(TableViews.of(alcove.catalogue(), alcove.layout(), data, names), log);
    try {
      AlcoveDatabase database =
          new AlcoveDatabase(DuckDb.inMemoryStreaming(), views, history, data, alcove.frontEnd());
      for (Map.Entry<String, TableViews.View> view : views.entrySet()) {
        if (view.getValue().local()) {
          database.createView(view.getKey(), view.getValue());
        } else {
          database.inStore.put(view.getKey(), view.getValue());
        }
      }
      return database;
    } catch (SQLException e) {
      throw new AlcoveException("cannot open the tables in DuckDB: " + DuckDb.message(e));
    }
  }

  private void createView(String name, TableViews.View view) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE VIEW "
              + DuckDb.identifier(name)
              + " AS SELECT * FROM "
              + DuckDb.readParquet(view.file()));
    }
  }

  /**
   * Fetches the tables in the store whose views {@code sql} names, and creates those views. A name
   * is looked for as a word: a statement that names a view only in a string or comment fetches a
   * table it does not read, which costs time, never a wrong answer.
   */
  private void fetchNamedIn(String sql) {
    List<String> named =
        inStore.keySet().stream()
            .filter(
                name ->
                    Pattern.compile(
                            "(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])",
                            Pattern.CASE_INSENSITIVE)
                        .matcher(sql)
                        .find())
            .toList();
    for (String name : named) {
      TableViews.View view = inStore.get(name);
      if (view == null) {
        continue;
      }
      data.local(view.table(), "the query");
      // The table's other name, if any, shows the same file, now here.
      List<String> names =
          inStore.entrySet().stream()
              .filter(other -> other.getValue().table().equals(view.table()))
              .map(Map.Entry::getKey)
              .toList();
      for (String each : names) {
        try {
          createView(each, inStore.remove(each));
        } catch (SQLException e) {
          throw new AlcoveException(
              "cannot open " + view.table() + " in DuckDB: " + DuckDb.message(e));
        }
      }
    }
  }

  public Map<String, TableViews.View> views() {
    return views;
  }

  /** Runs {@code sql} (a bare view name means {@code SELECT * FROM} it) and prints the result. */
  public long query(String sql, ResultFormat format, PrintStream out) {
    String text = sql.strip();
    while (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    if (BARE_NAME.matcher(text).matches() && views.containsKey(text)) {
      text = "SELECT * FROM " + DuckDb.identifier(text);
    } else if (BARE_NAME.matcher(text).matches() && !STATEMENT_WORDS.contains(upper(text))) {
      String name = text;
      throw new AlcoveException(
          history
              .whyNotAView(name, views)
              .orElseGet(
                  () ->
                      "no table is named '"
                          + name
                          + "'"
                          + NearestNames.of(name, views.keySet(), 3)
                              .map(nearest -> "; the nearest are " + String.join(", ", nearest))
                              .orElse("")
                          + " ("
                          + frontEnd.run(Goal.DB)
                          + " without a query lists them all)"));
    }
    fetchNamedIn(text);
    try (Statement statement = connection.createStatement()) {
      if (!statement.execute(text)) {
        out.println("OK");
        return 0;
      }
      try (ResultSet rows = statement.getResultSet()) {
        return format.write(rows, out);
      }
    } catch (SQLException e) {
      java.util.regex.Matcher missing = MISSING_TABLE.matcher(DuckDb.message(e));
      if (missing.find()) {
        history
            .whyNotAView(missing.group(1), views)
            .ifPresent(
                why -> {
                  throw new AlcoveException(why);
                });
      }
      throw new AlcoveException("SQL error: " + DuckDb.message(e));
    }
  }

  /** Each view and its row count, as a table. */
  public void listViews(PrintStream out) {
    if (views.isEmpty()) {
      out.println("no tables are built yet: run " + frontEnd.run(Goal.RUN));
      return;
    }
    StringBuilder sql = new StringBuilder();
    for (String view : views.keySet()) {
      if (inStore.containsKey(view)) {
        continue;
      }
      sql.append(sql.isEmpty() ? "" : " UNION ALL ")
          .append("SELECT ")
          .append(DuckDb.literal(view))
          .append(" AS view, count(*) AS rows FROM ")
          .append(DuckDb.identifier(view));
    }
    if (!sql.isEmpty()) {
      query(sql.toString(), ResultFormat.TABLE, out);
    }
    if (!inStore.isEmpty()) {
      out.println(
          "in the store, fetched when a query names them: " + String.join(", ", inStore.keySet()));
    }
  }

  /**
   * A prompt: statements end with {@code ;}, {@code .tables} lists the views, {@code .quit} or the
   * end of input leaves. An SQL error is printed and the prompt goes on.
   */
  public void prompt(BufferedReader in, PrintStream out) {
    out.println(
        "alcove db: "
            + views.size()
            + " views (.tables to list, .quit to leave); end statements with ;");
    StringBuilder statement = new StringBuilder();
    try {
      while (true) {
        out.print(statement.isEmpty() ? "alcove> " : "   ...> ");
        out.flush();
        String line = in.readLine();
        if (line == null || (statement.isEmpty() && line.strip().equals(".quit"))) {
          return;
        }
        if (statement.isEmpty() && line.strip().equals(".tables")) {
          listViews(out);
          continue;
        }
        statement.append(line).append('\n');
        if (line.strip().endsWith(";")) {
          try {
            query(statement.toString(), ResultFormat.TABLE, out);
          } catch (AlcoveException e) {
            out.println(e.getMessage());
          }
          statement.setLength(0);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing an in-memory database frees memory only.
    }
  }
}
