package dev.alcove.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UserPathsTest {

  private final Path home = Path.of("/home/ana");
  private final Path here = Path.of("/work/project/sub");

  @Test
  void aLeadingTildeIsTheHome() {
    assertThat(UserPaths.resolve("~/Downloads/countries.csv", home, here))
        .isEqualTo(Path.of("/home/ana/Downloads/countries.csv"));
    assertThat(UserPaths.resolve("~", home, here)).isEqualTo(home);
  }

  @Test
  void aRelativePathIsTakenFromWhereMavenWasStarted() {
    assertThat(UserPaths.resolve("../data/x.csv", home, here))
        .isEqualTo(Path.of("/work/project/data/x.csv"));
    assertThat(UserPaths.resolve(" x.csv ", home, here))
        .isEqualTo(Path.of("/work/project/sub/x.csv"));
  }

  @Test
  void anAbsolutePathOrATildeInsideANameIsLeftAsItIs() {
    assertThat(UserPaths.resolve("/tmp/a~b/x.csv", home, here))
        .isEqualTo(Path.of("/tmp/a~b/x.csv"));
    assertThat(UserPaths.resolve("~ana/x.csv", home, here))
        .isEqualTo(Path.of("/work/project/sub/~ana/x.csv"));
  }
}
