package dev.alcove.core.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

  @Test
  void splitsOnSemicolonsOutsideQuotesAndCommentsAndKnowsLines() {
    List<SqlScript.Statement> statements =
        SqlScript.split(
            "-- head; not a split\nCREATE TABLE t AS SELECT 'a;b' AS x;\n\n/* c;\n */ SELECT \"q;\" FROM t -- {output_file}\n");
    assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(2, 5);
    assertThat(statements.get(0).code()).isEqualTo("CREATE TABLE t AS SELECT 'a;b' AS x");
    assertThat(statements.get(1).code()).isEqualTo("SELECT \"q;\" FROM t");
    assertThat(statements.get(1).sql()).contains("{output_file}");
  }

  @Test
  void quotesThatDuckDbKnowsAreNotCutAndEachPieceRunsInDuckDb() throws Exception {
    String text =
        "SELECT $$a;b$$ AS x;\nSELECT $tag$c;d$tag$ AS y;\nSELECT E'it\\'s; fine' AS z;\n"
            + "SELECT 'plain'' ; ' AS w, 1 AS e;\nSELECT 2 AS price$1";
    List<SqlScript.Statement> statements = SqlScript.split(text);
    assertThat(statements)
        .extracting(SqlScript.Statement::code)
        .containsExactly(
            "SELECT $$a;b$$ AS x",
            "SELECT $tag$c;d$tag$ AS y",
            "SELECT E'it\\'s; fine' AS z",
            "SELECT 'plain'' ; ' AS w, 1 AS e",
            "SELECT 2 AS price$1");
    assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(1, 2, 3, 4, 5);
    List<String> values = new java.util.ArrayList<>();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
      for (SqlScript.Statement statement : statements) {
        try (java.sql.Statement sql = connection.createStatement();
            java.sql.ResultSet rows = sql.executeQuery(statement.sql())) {
          rows.next();
          values.add(rows.getString(1));
        }
      }
    }
    assertThat(values).containsExactly("a;b", "c;d", "it's; fine", "plain' ; ", "2");
  }
}
