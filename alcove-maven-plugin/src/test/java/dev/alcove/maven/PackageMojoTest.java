package dev.alcove.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code <publish>} attaches: one artifact per classifier, never two under one. */
class PackageMojoTest {

  @Test
  void tablesWhoseClassifiersWouldCollideAreRefusedNamingBoth() {
    assertThatThrownBy(
            () -> PackageMojo.classifiers(List.of("table://a/b-c/latest", "table://a-b/c/latest")))
        .hasMessage(
            "pom <publish>: table://a/b-c/latest and table://a-b/c/latest would both be published"
                + " with the classifier a-b-c: publish each table once, under a name no other"
                + " table shares");
    assertThatThrownBy(
            () -> PackageMojo.classifiers(List.of("table://a/latest", " table://a/latest")))
        .hasMessageContaining("table://a/latest is listed twice");
  }

  @Test
  void distinctTablesKeepTheirClassifiers() {
    assertThat(
            PackageMojo.classifiers(
                List.of("table://population/by-region/latest", "table://a/2024-07-26")))
        .containsOnlyKeys("population-by-region", "a-2024-07-26");
  }
}
