package dev.alcove.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Definitions are found alike with folder listings kept and without them. */
class StepDefinitionsTest {

  @TempDir Path root;
  AlcoveLayout layout;

  @BeforeEach
  void setUp() throws Exception {
    layout = AlcoveLayout.withDefaults(root);
    write("a/x.sql");
    write("a/x.meta.yaml");
    write("a/y/2024-01-01.sql");
    write("a/y.sql");
    write("a/z.sql");
    write("b/2024-01-01/w.sql");
    // A folder that is a link to one elsewhere is looked in; a folder named as a definition is not
    // one.
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("v.sql"), "SELECT 1\n");
    Files.createSymbolicLink(layout.stepsDir().resolve("l"), elsewhere);
    Files.createDirectories(layout.stepsDir().resolve("a/d.sql"));
  }

  @Test
  void keptListingsFindWhatPlainLookupsFind() {
    List<String> uris =
        List.of(
            "table://a/x/latest",
            "table://a/y/2024-01-01",
            "table://a/y/2024-02-01",
            "table://a/z/2024-01-01",
            "table://a/missing/latest",
            "table://b/2024-01-01/w/latest",
            "table://l/v/latest",
            "table://a/d/latest");
    Function<String, Optional<String>> find =
        uri -> StepDefinitions.find(layout, StepUri.parse(uri)).map(layout::relative);
    List<Optional<String>> plain = uris.stream().map(find).toList();
    List<Optional<String>> kept =
        StepDefinitions.withListingCache(() -> uris.stream().map(find).toList());
    assertThat(kept).isEqualTo(plain);
    assertThat(plain)
        .containsExactly(
            Optional.of("src/steps/tables/a/x.sql"),
            Optional.of("src/steps/tables/a/y/2024-01-01.sql"),
            Optional.of("src/steps/tables/a/y.sql"),
            Optional.of("src/steps/tables/a/z.sql"),
            Optional.empty(),
            Optional.of("src/steps/tables/b/2024-01-01/w.sql"),
            Optional.of("src/steps/tables/l/v.sql"),
            Optional.empty());
  }

  @Test
  void aConfigIsLookedUpOnlyWhereItsFolderNamesIt() {
    Path config = layout.stepsDir().resolve("a/x.meta.yaml");
    Path none = layout.stepsDir().resolve("a/z.meta.yaml");
    assertThat(StepDefinitions.mayExist(none)).isTrue();
    StepDefinitions.withListingCache(
        () -> {
          assertThat(StepDefinitions.mayExist(config)).isTrue();
          assertThat(StepDefinitions.mayExist(none)).isFalse();
          assertThat(StepDefinitions.mayExist(layout.stepsDir().resolve("nowhere/q.meta.yaml")))
              .isFalse();
          return null;
        });
  }

  @Test
  void twoDefinitionsAtOneLevelAreRefusedWithListingsKept() throws Exception {
    write("a/z.py");
    assertThatThrownBy(
            () ->
                StepDefinitions.withListingCache(
                    () -> StepDefinitions.find(layout, StepUri.parse("table://a/z/latest"))))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("has more than one definition");
  }

  private void write(String relative) throws Exception {
    Path file = layout.stepsDir().resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "SELECT 1\n");
  }
}
