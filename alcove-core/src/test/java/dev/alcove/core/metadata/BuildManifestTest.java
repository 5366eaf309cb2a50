package dev.alcove.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows read lazily answer as a map read whole did; what a run changed replaces them on save. */
class BuildManifestTest {

  @TempDir Path build;

  private static final StepUri A = StepUri.parse("table://a/x/latest");
  private static final StepUri B = StepUri.parse("table://b/y/latest");
  private static final StepUri C = StepUri.parse("table://c/z/latest");

  private static BuildManifest.Entry entry(char digit) {
    Checksum sum = Checksum.of(String.valueOf(digit).repeat(64));
    return new BuildManifest.Entry(sum, sum, "duckdb");
  }

  @Test
  void keptRowsAreFoundChangesReplaceThemAndTheSavedFileIsSortedByUri() throws Exception {
    BuildManifest first = BuildManifest.load(build);
    first.put(B, entry('1'));
    first.put(A, entry('2'));
    first.put(C, entry('3'));
    first.save();

    BuildManifest second = BuildManifest.load(build);
    assertThat(second.get(A)).contains(entry('2'));
    second.put(A, entry('4'));
    second.remove(C);
    assertThat(second.get(A)).contains(entry('4'));
    assertThat(second.get(C)).isEmpty();
    second.save();

    List<String> rows = Files.readAllLines(build.resolve(BuildManifest.FILE_NAME));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).startsWith(A + "\t" + "4".repeat(64));
    assertThat(rows.get(2)).startsWith(B + "\t" + "1".repeat(64));
    BuildManifest third = BuildManifest.load(build);
    assertThat(third.get(B)).contains(entry('1'));
    assertThat(third.get(C)).isEmpty();
  }

  @Test
  void aDamagedRowIsAbsentAndOnlyItsTableIsLeftToItsMetadata() throws Exception {
    Path file = build.resolve(BuildManifest.FILE_NAME);
    Files.writeString(
        file,
        "# alcove build manifest v2: step uri, cache key, output sha256, engine\n"
            + A
            + "\tnot-a-checksum\t"
            + "1".repeat(64)
            + "\tduckdb\n"
            + "not a uri\t"
            + "1".repeat(64)
            + "\t"
            + "1".repeat(64)
            + "\tduckdb\n"
            + B
            + "\t"
            + "1".repeat(64)
            + "\t"
            + "1".repeat(64)
            + "\tduckdb\n");
    BuildManifest manifest = BuildManifest.load(build);
    assertThat(manifest.get(A)).isEmpty();
    assertThat(manifest.get(B)).contains(entry('1'));

    manifest.put(C, entry('3'));
    manifest.save();
    assertThat(Files.readString(file)).doesNotContain("not a uri").doesNotContain(A.toString());
    assertThat(BuildManifest.load(build).get(B)).contains(entry('1'));
  }

  @Test
  void aManifestOfTheFirstFormatCountsForNothingAndIsRewritten() throws Exception {
    Path file = build.resolve(BuildManifest.FILE_NAME);
    Files.writeString(file, "# alcove build manifest v1\n" + A + "\tsomething\n");
    BuildManifest manifest = BuildManifest.load(build);
    assertThat(manifest.legacy()).isTrue();
    assertThat(manifest.get(A)).isEmpty();
    manifest.save();
    assertThat(Files.readString(file))
        .startsWith("# alcove build manifest v2")
        .doesNotContain(A.toString());
  }
}
