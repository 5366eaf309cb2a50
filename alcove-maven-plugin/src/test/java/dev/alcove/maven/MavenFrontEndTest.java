package dev.alcove.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.frontend.Goal;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.store.config.StoreKinds;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The core's messages name settings and goals that exist in the plugin as built. */
class MavenFrontEndTest {

  @Test
  void everySettingAMessageNamesIsAPropertyAGoalReads() throws Exception {
    String descriptor;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("META-INF/maven/plugin.xml")) {
      descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Setting setting : Setting.values()) {
      String property = MavenFrontEnd.property(setting);
      boolean storeKindSetting =
          StoreKinds.ALL.stream()
              .flatMap(kind -> kind.settings().stream())
              .anyMatch(kindSetting -> kindSetting.property().equals(property));
      if (!storeKindSetting) {
        assertThat(descriptor).as(setting.name()).contains("${" + property + "}");
      }
      assertThat(MavenFrontEnd.INSTANCE.set(setting, "x")).isEqualTo("-D" + property + "=x");
    }
    for (Goal goal : Goal.values()) {
      String name = MavenFrontEnd.INSTANCE.run(goal).substring("mvn alcove:".length());
      assertThat(descriptor).as(goal.name()).contains("<goal>" + name + "</goal>");
    }
  }
}
