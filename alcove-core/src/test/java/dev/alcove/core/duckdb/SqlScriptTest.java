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
}
