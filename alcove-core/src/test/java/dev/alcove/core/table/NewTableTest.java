package dev.alcove.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.Alcove;
import dev.alcove.core.AlcoveEdit;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.init.InitAlcove;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewTableTest {

  @TempDir Path root;

  @BeforeEach
  void init() {
    InitAlcove.init(Contexts.silent(), root);
  }

  @Test
  void extensionPicksTheLanguageAndTablesDefaultToLatest() throws Exception {
    assertThat(create("a.sql").definition()).isEqualTo(root.resolve("src/steps/tables/a.sql"));
    assertThat(create("b/c.py").definition()).isEqualTo(root.resolve("src/steps/tables/b/c.py"));
    NewTable.Created java = create("d/country-codes");
    assertThat(java.definition()).isEqualTo(root.resolve("src/steps/tables/d/country-codes.java"));
    assertThat(Files.readString(java.definition()))
        .contains("class CountryCodesStep", "AvroParquetWriter");
    assertThat(Alcove.open(root).catalogue().steps().keySet().stream().map(StepUri::toString))
        .containsExactly(
            "table://a/latest", "table://b/c/latest", "table://d/country-codes/latest");
  }

  @Test
  void sqlPlaceholderNamesEachInput() throws Exception {
    try (AlcoveEdit edit = Alcove.open(root).edit(AlcoveLog.SILENT)) {
      edit.addStep(new StepDeclaration(StepUri.parse("snapshot://x/codes/2024-01-01"), List.of()));
    }
    create("summary.sql", "snapshot://x/codes/latest");
    String sql = Files.readString(root.resolve("src/steps/tables/summary.sql"));
    assertThat(sql).contains("--   {codes} = snapshot://x/codes/latest");
    // The Python tool fills the whole file in with str.format: no brace but the variables.
    assertThat(java.util.regex.Pattern.compile("\\{([^{}]*)\\}").matcher(sql).results())
        .extracting(match -> match.group(1))
        .containsOnly("codes");
    assertThat(sql.replace("{codes}", "")).doesNotContain("{", "}");
    assertThat(Files.readString(root.resolve("alcove.yaml")))
        .contains("table://summary/latest:\n  - snapshot://x/codes/latest");
  }

  @Test
  void badInputChangesNothing() throws Exception {
    create("exists.sql");
    String before = Files.readString(root.resolve("alcove.yaml"));
    assertRefused("exists.sql", List.of(), "already exists");
    assertRefused("other/Bad", List.of(), "invalid step URI");
    assertRefused("x.rb", List.of(), "not one new-table can write");
    assertRefused("y.sql", List.of("snapshot://missing/latest"), "not in the catalogue");
    assertRefused("z.sql", List.of("nonsense"), "invalid step URI 'nonsense'");
    assertRefused("", List.of(), "no table given");
    assertThat(Files.readString(root.resolve("alcove.yaml"))).isEqualTo(before);
    try (var files = Files.walk(root.resolve("src/steps/tables"))) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactly("exists.sql");
    }
  }

  @Test
  void reusesAnExistingDatasetDefinitionForANewVersion() throws Exception {
    create("t.sql");
    NewTable.Created dated = create("t/2024-01-01.sql");
    assertThat(dated.definitionWritten()).isFalse();
    assertThat(dated.definition()).isEqualTo(root.resolve("src/steps/tables/t.sql"));
  }

  @Test
  void withItsConfigEveryFieldACommentThatBuildsAsWrittenAndAnExistingOneKept(
      @org.junit.jupiter.api.io.TempDir Path other) throws Exception {
    dev.alcove.core.testing.TestAlcove t = new dev.alcove.core.testing.TestAlcove(other);
    t.snapshotText("people", "people.csv", "region,people\neu,10\n");
    NewTable.Created created =
        NewTable.create(
            t.context(1), t.alcove(), "summary.sql", List.of("snapshot://people/latest"), true);

    Path config = t.path("src/steps/tables/summary.meta.yaml");
    assertThat(created.config()).contains(config);
    assertThat(Files.readAllLines(config))
        .first()
        .isEqualTo(
            "# The config of table://summary/latest. Every field is optional: take the '# '"
                + " off those you want.");
    assertThat(Files.readAllLines(config))
        .allMatch(line -> line.startsWith("#"))
        .contains(
            "#   snapshot://people/latest:",
            "#     fields: [source_name, source_url, license, license_url]",
            "# validation:");
    assertThat(t.lines)
        .contains("its config, every field a comment: src/steps/tables/summary.meta.yaml");
    assertThat(t.run().succeeded()).isTrue();

    Path mine = t.path("src/steps/tables/mine.meta.yaml");
    Files.writeString(mine, "override:\n  name: Mine\n");
    NewTable.create(t.context(1), t.alcove(), "mine.sql", List.of(), true);
    assertThat(mine).hasContent("override:\n  name: Mine\n");
  }

  @Test
  void thePythonPlaceholderListsItsInputsInItsDocstringWithoutCommentMarks() throws Exception {
    create("first.sql");
    String text = Files.readString(create("second.py", "table://first/latest").definition());
    String docstring = text.substring(text.indexOf("\"\"\""), text.lastIndexOf("\"\"\""));
    assertThat(docstring.lines()).noneMatch(line -> line.strip().startsWith("#"));
    assertThat(docstring).contains("\n    first = table://first/latest\n");
  }

  private void assertRefused(String table, List<String> deps, String message) {
    assertThatThrownBy(() -> NewTable.create(Contexts.silent(), Alcove.open(root), table, deps))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining(message);
  }

  private NewTable.Created create(String table, String... deps) {
    return NewTable.create(Contexts.silent(), Alcove.open(root), table, List.of(deps));
  }
}
