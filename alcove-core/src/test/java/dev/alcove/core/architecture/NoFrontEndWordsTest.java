package dev.alcove.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The core's messages speak no front end's words: how a setting is written ({@code -Dalcove.x}), a
 * goal is run ({@code mvn alcove:run}) or steps are declared ({@code the pom's <steps>}) comes from
 * the {@code FrontEnd} a goal passes in. Read from the string literals of the core's sources.
 */
class NoFrontEndWordsTest {

  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static final Pattern MAVEN_WORDS =
      Pattern.compile(
          "\\bmvn\\s|\\balcove:[a-z]|-Dalcove|settings\\.xml|\\bpom\\b|\\bMaven\\b|<server",
          Pattern.CASE_INSENSITIVE);

  /**
   * The {@code mvn:} datasets are Maven artifacts by definition: their scheme and their provenance
   * name Maven, in any front end.
   */
  private static final List<String> ALLOWED =
      List.of("dataset/ArtifactSource.java", "dataset/DatasetSpec.java");

  @Test
  void noStringInTheCoreNamesAMavenSettingGoalOrFile() throws IOException {
    List<String> found = new ArrayList<>();
    for (CoreSources.Line line : CoreSources.lines()) {
      String code = line.text().strip();
      if (ALLOWED.contains(line.file())
          || code.startsWith("*")
          || code.startsWith("//")
          || code.startsWith("/*")) {
        continue;
      }
      Matcher literal = LITERAL.matcher(code);
      while (literal.find()) {
        if (MAVEN_WORDS.matcher(literal.group(1)).find()) {
          found.add(line.file() + ":" + line.number() + ": " + literal.group());
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theCheckFindsAMavenWordWhereThereIsOne() {
    assertThat(MAVEN_WORDS.matcher("run mvn alcove:init first").find()).isTrue();
    assertThat(MAVEN_WORDS.matcher("set -Dalcove.force=true").find()).isTrue();
    assertThat(MAVEN_WORDS.matcher("declared in the pom's <steps>").find()).isTrue();
    assertThat(MAVEN_WORDS.matcher("the init goal").find()).isFalse();
  }
}
