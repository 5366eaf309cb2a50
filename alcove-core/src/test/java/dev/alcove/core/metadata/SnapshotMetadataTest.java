package dev.alcove.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotMetadataTest {

  static final String SUM = "dffd6021bb2bd5b0af676290809ec3a53191dd81c7f70a4b28688a362182986f";
  static final StepUri URI = StepUri.parse("snapshot://countries/2024-07-26");

  @TempDir Path dir;

  @Test
  void emptyDescriptiveFieldsAreWrittenAsComments() {
    String yaml = SnapshotMetadata.ofFile(URI, Checksum.of(SUM), ".csv").toYaml();
    assertThat(yaml)
        .startsWith(
            "version: 1\nuri: snapshot://countries/2024-07-26\nchecksum: "
                + SUM
                + "\nsnapshot_type: file\nextension: .csv\n")
        .contains("# license: \n", "# source_url: \n", "# date_accessed: \n");
  }

  @Test
  void userFieldsDatesAndHandAddedKeysSurviveARewrite() throws Exception {
    Path file = dir.resolve("2024-07-26.meta.yaml");
    Files.writeString(
        file,
        SnapshotMetadata.ofFile(URI, Checksum.of(SUM), ".csv")
                .toYaml()
                .replace("# license: ", "license: CC-BY-4.0")
                .replace("# date_accessed: ", "date_accessed: 2024-07-26")
            + "tags:\n- geo\n- iso\nrows: 250\n");
    SnapshotMetadata read = SnapshotMetadata.read(file, URI);
    assertThat(read.descriptive().get("license")).isEqualTo("CC-BY-4.0");
    assertThat(read.descriptive().get("date_accessed")).isEqualTo("2024-07-26");
    assertThat(read.extra()).containsEntry("rows", 250L).containsKey("tags");

    SnapshotMetadata rewritten =
        SnapshotMetadata.ofFile(URI, Checksum.of(SUM), ".tsv").keepingUserFieldsOf(read);
    String yaml = rewritten.toYaml();
    assertThat(yaml)
        .contains(
            "license: CC-BY-4.0",
            "date_accessed: '2024-07-26'",
            "rows: 250",
            "- geo",
            "extension: .tsv");
    Files.writeString(file, yaml);
    assertThat(SnapshotMetadata.read(file, URI)).isEqualTo(rewritten);
  }

  @Test
  void manifestKeysThatEscapeAreRefused() throws Exception {
    Path file = dir.resolve("x.meta.yaml");
    Files.writeString(
        file,
        "version: 1\nuri: snapshot://countries/2024-07-26\nchecksum: "
            + SUM
            + "\nsnapshot_type: directory\nmanifest:\n  ../../outside: "
            + SUM
            + "\n");
    assertThatThrownBy(() -> SnapshotMetadata.read(file, URI))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("x.meta.yaml:6")
        .hasMessageContaining("../../outside");
  }

  @Test
  void uriMustMatchTheSidecarsLocation() throws Exception {
    Path file = dir.resolve("x.meta.yaml");
    Files.writeString(
        file,
        "version: 1\nuri: snapshot://other/2024-07-26\nchecksum: " + SUM + "\nextension: .csv\n");
    assertThatThrownBy(() -> SnapshotMetadata.read(file, URI))
        .hasMessageContaining("does not match");
  }

  @Test
  void directoryManifestRoundTrips() throws Exception {
    var manifest =
        dev.alcove.core.checksum.DirectoryManifest.of(
            Map.of("a.txt", Checksum.of(SUM), "sub/b.txt", Checksum.of(SUM)));
    SnapshotMetadata meta = SnapshotMetadata.ofDirectory(URI, manifest);
    Path file = dir.resolve("d.meta.yaml");
    meta.write(file);
    assertThat(SnapshotMetadata.read(file, URI)).isEqualTo(meta);
    assertThat(Files.readString(file))
        .contains("snapshot_type: directory\nmanifest:\n  a.txt: " + SUM);
  }
}
