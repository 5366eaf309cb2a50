package dev.alcove.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.DirectoryManifest;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checksums a record keeps of its folder snapshots' files, found again by binary search. */
class RecordedSnapshotFilesTest {

  @TempDir Path buildDir;

  private static final StepUri FIRST = StepUri.parse("snapshot://first/2024-01-01");
  private static final StepUri SECOND = StepUri.parse("snapshot://second/2024-01-01");

  private static DirectoryManifest manifestOf(List<String> paths) {
    Map<String, Checksum> entries = new HashMap<>();
    for (String path : paths) {
      entries.put(path, Sha256.ofString(path));
    }
    return DirectoryManifest.of(entries);
  }

  @Test
  void everyFileIsFoundInItsOwnFolderWhateverItsName() {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      names.add("d" + i / 100 + "/f" + i + ".csv");
    }
    // Code-point order differs from UTF-16 order beyond the BMP, and from UTF-8's byte order
    // nowhere.
    names.addAll(List.of("a", "é.csv", "\uFB01le", "\uD83D\uDE00.csv", "z/\u00e9/x", "snapshot"));
    // Rows longer than one read of the file.
    names.add("deep/" + "d/".repeat(700) + "f.csv");
    names.add("deep/" + "d/".repeat(700) + "g.csv");
    DirectoryManifest first = manifestOf(names);
    DirectoryManifest second = manifestOf(List.of("only-here.csv"));
    Map<StepUri, DirectoryManifest> folders = new TreeMap<>(Map.of(FIRST, first, SECOND, second));
    assertThat(RecordedSnapshotFiles.keep(buildDir, folders)).isPresent();

    Optional<RestoreSnapshot.Listed> all =
        RecordedSnapshotFiles.read(buildDir, FIRST, Set.copyOf(names));
    assertThat(all).isPresent();
    assertThat(all.get().size()).isEqualTo(names.size());
    assertThat(all.get().files()).isEqualTo(first.entries());

    RestoreSnapshot.Listed some =
        RecordedSnapshotFiles.read(buildDir, SECOND, Set.of("only-here.csv", "a", "missing"))
            .orElseThrow();
    assertThat(some.files()).containsOnlyKeys("only-here.csv");
    assertThat(some.size()).isEqualTo(1);
    assertThat(
            RecordedSnapshotFiles.read(
                buildDir, StepUri.parse("snapshot://third/2024-01-01"), Set.of("a")))
        .isEmpty();
  }

  @Test
  void aNameThatCannotBeARowKeepsNoFileAndADamagedFileIsNotBelieved() throws Exception {
    Path file = buildDir.resolve(RecordedSnapshotFiles.FILE_NAME);
    RecordedSnapshotFiles.keep(buildDir, Map.of(FIRST, manifestOf(List.of("a.csv"))));
    assertThat(file).exists();

    assertThat(RecordedSnapshotFiles.keep(buildDir, Map.of(FIRST, manifestOf(List.of("a\tb")))))
        .isPresent();
    assertThat(file).doesNotExist();
    assertThat(RecordedSnapshotFiles.read(buildDir, FIRST, Set.of("a.csv"))).isEmpty();

    RecordedSnapshotFiles.keep(buildDir, Map.of(FIRST, manifestOf(List.of("a.csv"))));
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() - 10));
    assertThat(RecordedSnapshotFiles.read(buildDir, FIRST, Set.of("a.csv"))).isEmpty();
  }
}
