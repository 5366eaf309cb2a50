package dev.alcove.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.store.config.StoreConfiguration;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.junit.jupiter.api.Test;

class StoreElementTest {

  private static final Path BASEDIR = Path.of("/project");

  @Test
  void theShortFormIsTheLocalFolderResolvedAgainstTheProjectAndChoosesNothing() {
    XmlPlexusConfiguration store = new XmlPlexusConfiguration("store");
    store.setValue("store");
    StoreConfiguration read = read(store, Map.of(), Map.of());
    assertThat(read.kind()).isEmpty();
    assertThat(read.settings()).containsEntry("local", Map.of("folder", "/project/store"));
  }

  @Test
  void aNestedKindIsChosenAndItsSettingsWinOverTheFlatOnes() {
    PlexusConfiguration store = nested("s3", Map.of("bucket", "lake", "prefix", "team"));
    StoreConfiguration read =
        read(
            store,
            Map.of("alcove.bucket", "flat-bucket", "alcove.region", "eu-north-1"),
            Map.of("alcove.store", "elsewhere", "alcove.endpoint", "http://127.0.0.1:9000"));
    assertThat(read.kind()).contains("s3");
    assertThat(read.settings().get("s3"))
        .containsEntry("bucket", "lake")
        .containsEntry("prefix", "team")
        .containsEntry("region", "eu-north-1")
        .containsEntry("endpoint", "http://127.0.0.1:9000");
    assertThat(read.settings()).containsEntry("local", Map.of("folder", "/project/elsewhere"));
  }

  @Test
  void aWrongElementIsOneLineNamingIt() {
    assertThatThrownBy(() -> read(nested("gcs", Map.of("bucket", "b")), Map.of(), Map.of()))
        .hasMessage("pom <store>: no store kind 'gcs': alcove knows s3, local");
    assertThatThrownBy(() -> read(nested("s3", Map.of("bukcet", "b")), Map.of(), Map.of()))
        .hasMessage("pom <store>: the s3 store has no setting 'bukcet' (did you mean bucket?)");
    XmlPlexusConfiguration two = new XmlPlexusConfiguration("store");
    two.addChild(new XmlPlexusConfiguration("s3"));
    two.addChild(new XmlPlexusConfiguration("local"));
    assertThatThrownBy(() -> read(two, Map.of(), Map.of()))
        .hasMessage("pom <store> names two kinds (s3, local): choose one of s3, local");
  }

  private static PlexusConfiguration nested(String kind, Map<String, String> settings) {
    XmlPlexusConfiguration store = new XmlPlexusConfiguration("store");
    XmlPlexusConfiguration element = new XmlPlexusConfiguration(kind);
    settings.forEach(
        (name, value) -> {
          XmlPlexusConfiguration setting = new XmlPlexusConfiguration(name);
          setting.setValue(value);
          element.addChild(setting);
        });
    store.addChild(element);
    return store;
  }

  private static StoreConfiguration read(
      PlexusConfiguration store, Map<String, String> flat, Map<String, String> properties) {
    return StoreElement.read(
        store, flat, name -> Optional.ofNullable(properties.get(name)), BASEDIR);
  }
}
