package dev.alcove.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The texts are those of normalize and relativize, whichever way they are found. */
class PathTextsTest {

  private static final Path ROOT = Path.of("/work/alcove");

  @Test
  void anAbsolutePathBelowTheFolderIsCutAtIt() {
    assertThat(PathTexts.absolute(Path.of("/work/alcove/data/x.csv")))
        .isEqualTo("/work/alcove/data/x.csv");
    assertThat(PathTexts.relative(ROOT, Path.of("/work/alcove/data/x.csv")))
        .isEqualTo("data/x.csv");
  }

  @Test
  void dotSegmentsHiddenNamesAndRelativePathsGiveWhatNormalizeGives() {
    assertThat(PathTexts.absolute(Path.of("/work/alcove/./data/../src/x.sql")))
        .isEqualTo("/work/alcove/src/x.sql");
    assertThat(PathTexts.relative(ROOT, Path.of("/work/alcove/data/../src/.hidden")))
        .isEqualTo("src/.hidden");
    assertThat(PathTexts.absolute(Path.of("rel/x")))
        .isEqualTo(Path.of("rel/x").toAbsolutePath().toString());
    for (String text :
        new String[] {
          "/home/u/.local/alcove/x",
          "/a/.../b",
          "/a/..b/c",
          "/a/.",
          "/a/..",
          "/a/./b",
          "/a/b/../c",
          "/.",
          "/.."
        }) {
      assertThat(PathTexts.absolute(Path.of(text)))
          .as(text)
          .isEqualTo(Path.of(text).normalize().toString());
    }
  }

  @Test
  void aPathOutsideTheFolderOrWithItsNameAsAPrefixIsRelativizedAsBefore() {
    assertThat(PathTexts.relative(ROOT, Path.of("/work/alcove-other/x")))
        .isEqualTo("../alcove-other/x");
    assertThat(PathTexts.relative(ROOT, Path.of("/elsewhere/x"))).isEqualTo("../../elsewhere/x");
    assertThat(PathTexts.relative(ROOT, ROOT)).isEmpty();
    assertThat(PathTexts.relative(Path.of("/"), Path.of("/a/b"))).isEqualTo("a/b");
  }
}
