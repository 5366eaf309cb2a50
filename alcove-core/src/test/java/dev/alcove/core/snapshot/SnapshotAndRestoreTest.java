package dev.alcove.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.Alcove;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.init.InitAlcove;
import dev.alcove.core.io.Folders;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.testing.TreeState;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotAndRestoreTest {

  static final LocalDate TODAY = LocalDate.of(2024, 7, 26);
  static final String HELLO_WORLD =
      "dffd6021bb2bd5b0af676290809ec3a53191dd81c7f70a4b28688a362182986f";

  @TempDir Path root;
  @TempDir Path inputs;
  @TempDir Path storeDir;
  LocalDirectoryStore store;

  @BeforeEach
  void setUp() {
    InitAlcove.init(Contexts.silent(), root);
    store = new LocalDirectoryStore(storeDir, "local store");
  }

  @Test
  void fileSnapshotCopiesUploadsDescribesAndCatalogues() throws Exception {
    Path source = write("my data/pays été.csv", "Hello, World!");
    TakeSnapshot.Result result = snapshot(source, "countries", false);

    assertThat(result.uri()).hasToString("snapshot://countries/2024-07-26");
    assertThat(root.resolve("data/snapshots/countries/2024-07-26.csv")).hasContent("Hello, World!");
    assertThat(storeDir.resolve("df/fd/" + HELLO_WORLD)).hasContent("Hello, World!");
    String sidecar =
        Files.readString(root.resolve("data/snapshots/countries/2024-07-26.meta.yaml"));
    assertThat(sidecar)
        .contains(
            "checksum: " + HELLO_WORLD, "snapshot_type: file", "extension: .csv", "# license: ");
    assertThat(Files.readString(root.resolve("data/.gitignore")))
        .isEqualTo("tables/\n.*.tmp-*\nsnapshots/countries/2024-07-26.csv\n");
    assertThat(Files.readString(root.resolve("alcove.yaml")))
        .contains("snapshot://countries/2024-07-26: []");
    assertThat(TreeState.of(root.resolve("data/snapshots")).keySet())
        .noneMatch(name -> name.contains(".tmp-"));
  }

  @Test
  void directorySnapshotMatchesTheSpecManifestVector() throws Exception {
    write("dir/file1.txt", "Hello, World!");
    write("dir/sub/file3.txt", "deep");
    write("dir/.DS_Store", "noise");
    TakeSnapshot.Result result = snapshot(inputs.resolve("dir"), "a/b/2023-01-01", false);
    assertThat(result.metadata().type()).isEqualTo(SnapshotType.DIRECTORY);
    assertThat(result.metadata().checksum().hex())
        .isEqualTo("afb3d415e64aeea60c469e27f55ab97e506e68d548c909e30ed7f34d2b220586");
    assertThat(root.resolve("data/snapshots/a/b/2023-01-01/sub/file3.txt")).hasContent("deep");
    assertThat(root.resolve("data/snapshots/a/b/2023-01-01/.DS_Store")).doesNotExist();
    assertThat(Files.readString(root.resolve("data/.gitignore")))
        .contains("snapshots/a/b/2023-01-01/\n");
  }

  @Test
  void existingSnapshotNeedsForceAndForceKeepsTheUsersFields() throws Exception {
    Path source = write("c.csv", "v1");
    snapshot(source, "countries", false);
    Path sidecar = root.resolve("data/snapshots/countries/2024-07-26.meta.yaml");
    Files.writeString(
        sidecar,
        Files.readString(sidecar).replace("# license: ", "license: PDDL") + "notes: kept\n");
    Map<String, String> before = TreeState.of(root);

    assertThatThrownBy(() -> snapshot(source, "countries", false))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("already exists")
        .hasMessageContaining("alcove.force=true");
    assertThat(TreeState.of(root)).isEqualTo(before);

    Files.writeString(source, "v2");
    snapshot(source, "countries", true);
    assertThat(root.resolve("data/snapshots/countries/2024-07-26.csv")).hasContent("v2");
    assertThat(Files.readString(sidecar)).contains("license: PDDL", "notes: kept");
  }

  @Test
  void anUpperCaseExtensionIsRecordedInLowerCase() throws Exception {
    snapshot(write("DATA.CSV", "a\n1\n"), "upper", false);
    assertThat(root.resolve("data/snapshots/upper/2024-07-26.csv")).hasContent("a\n1\n");
    assertThat(Files.readString(root.resolve("data/snapshots/upper/2024-07-26.meta.yaml")))
        .contains("extension: .csv\n");
  }

  @Test
  void badInputsFailWithOneLineAndChangeNothing() throws Exception {
    snapshot(write("ok.csv", "fine"), "ok", false);
    Files.createDirectories(inputs.resolve("empty/sub"));
    write("linked/a.txt", "a");
    Files.createSymbolicLink(inputs.resolve("linked/out.txt"), write("outside.txt", "secret"));
    Map<String, String> alcoveBefore = TreeState.of(root);
    Map<String, String> storeBefore = TreeState.of(storeDir);

    assertRefused(inputs.resolve("missing.csv"), "x", "does not exist");
    assertRefused(inputs.resolve("empty"), "x", "holds no files");
    assertRefused(inputs.resolve("linked"), "x", "points outside snapshot folder");
    assertRefused(inputs.resolve("ok.csv"), "Bad Name", "invalid step URI");
    assertRefused(inputs.resolve("ok.csv"), "../x", "invalid step URI");
    assertRefused(inputs.resolve("ok.csv"), "x/2024-02-30", "not a valid date");
    assertRefused(inputs.resolve("ok.csv"), "ok/2024-07-26", "already exists");
    // Extensions the Python tool's sidecar schema cannot hold: it would refuse the whole alcove.
    assertRefused(write("x.json-ld", "{}"), "x", "has the extension '.json-ld'");
    assertRefused(write("LICENSE", "text"), "x", "has no extension");

    assertThat(TreeState.of(root)).isEqualTo(alcoveBefore);
    assertThat(TreeState.of(storeDir)).isEqualTo(storeBefore);
  }

  @Test
  void restoreBringsBackDeletedOrChangedDataAndDropsExtraFiles() throws Exception {
    write("dir/file1.txt", "Hello, World!");
    write("dir/sub/file3.txt", "deep");
    snapshot(inputs.resolve("dir"), "folder", false);
    snapshot(write("one.csv", "Hello, World!"), "file", false);
    Path folder = root.resolve("data/snapshots/folder/2024-07-26");
    Files.delete(folder.resolve("sub/file3.txt"));
    Files.writeString(folder.resolve("file1.txt"), "tampered");
    Files.writeString(folder.resolve("extra.txt"), "not in the manifest");
    Files.delete(root.resolve("data/snapshots/file/2024-07-26.csv"));

    RestoreSnapshot restore = restorer();
    for (String uri : new String[] {"snapshot://folder/2024-07-26", "snapshot://file/2024-07-26"}) {
      SnapshotMetadata metadata = restore.metadata(StepUri.parse(uri));
      assertThat(restore.problem(metadata)).isPresent();
      restore.restore(metadata, depot());
      assertThat(restore.problem(metadata)).isEmpty();
    }
    assertThat(folder.resolve("file1.txt")).hasContent("Hello, World!");
    assertThat(folder.resolve("sub/file3.txt")).hasContent("deep");
    assertThat(folder.resolve("extra.txt")).doesNotExist();
    assertThat(root.resolve("data/snapshots/file/2024-07-26.csv")).hasContent("Hello, World!");
  }

  /** What a user left where the snapshot has a file, a folder or its whole data is kept aside. */
  @Test
  void aFileOrFolderInTheWayIsMovedAsideAndTheSnapshotRestored() throws Exception {
    write("dir/file1.txt", "Hello, World!");
    write("dir/sub/deeper/file3.txt", "deep");
    snapshot(inputs.resolve("dir"), "folder", false);
    Path folder = root.resolve("data/snapshots/folder/2024-07-26");
    Files.delete(folder.resolve("sub/deeper/file3.txt"));
    Files.delete(folder.resolve("sub/deeper"));
    Files.writeString(folder.resolve("sub/deeper"), "a file where a folder was");
    Files.delete(folder.resolve("file1.txt"));
    Files.createDirectories(folder.resolve("file1.txt"));
    Files.writeString(folder.resolve("file1.txt/inside.txt"), "a folder where a file was");

    restoreAndCheck("snapshot://folder/2024-07-26");

    assertThat(folder.resolve("file1.txt")).hasContent("Hello, World!");
    assertThat(folder.resolve("sub/deeper/file3.txt")).hasContent("deep");
    assertThat(TreeState.of(root.resolve("target/alcove/displaced")).values())
        .contains(hex("a file where a folder was"), hex("a folder where a file was"));

    // The whole data folder replaced by a file.
    Folders.delete(folder);
    Files.writeString(folder, "a file where the data was");
    restoreAndCheck("snapshot://folder/2024-07-26");
    assertThat(folder.resolve("sub/deeper/file3.txt")).hasContent("deep");
    assertThat(TreeState.of(root.resolve("target/alcove/displaced")).values())
        .contains(hex("a file where the data was"));
  }

  @Test
  void aLinkOutOfTheFolderWhereItHasAFolderIsRefusedAndNotFollowed() throws Exception {
    Path folder = folderSnapshotOf("sub/file3.txt");
    Folders.delete(folder.resolve("sub"));
    Path elsewhere = Files.createDirectories(inputs.resolve("elsewhere"));
    Files.createSymbolicLink(folder.resolve("sub"), elsewhere);

    restoreRefused("snapshot://folder/2024-07-26")
        .hasMessageContaining(folder.resolve("sub") + " is a link where the snapshot has a folder")
        .hasMessageContaining("move the link out of the snapshot's folder and run again");
    assertThat(elsewhere).isEmptyDirectory();
  }

  /**
   * Nothing under a link where a folder should be is made, moved aside or written through it: not a
   * folder still to be made, not a file of someone else's where that folder would be.
   */
  @Test
  void aLinkAboveAFolderStillToBeMadeIsRefusedBeforeAnythingIsDoneThroughIt() throws Exception {
    Path folder = folderSnapshotOf("sub/deeper/file3.txt", "sub/further/file4.txt");
    Folders.delete(folder.resolve("sub"));
    Path elsewhere = Files.createDirectories(inputs.resolve("elsewhere"));
    Path theirs = write("elsewhere/further", "someone else's file");
    Files.createSymbolicLink(folder.resolve("sub"), elsewhere);

    restoreRefused("snapshot://folder/2024-07-26")
        .hasMessageContaining("refusing to write " + folder.resolve("sub/deeper/file3.txt"))
        .hasMessageContaining(folder.resolve("sub") + " is a link where the snapshot has a folder");
    assertThat(TreeState.of(elsewhere)).containsOnlyKeys("/", "further");
    assertThat(theirs).hasContent("someone else's file");
  }

  /** A link inside the snapshot's folder is no folder either: refused, nothing moved aside. */
  @Test
  void aLinkToAFolderInsideWhereAFolderShouldBeIsRefused() throws Exception {
    Path folder = folderSnapshotOf("sub/file3.txt", "top.txt");
    Folders.delete(folder.resolve("sub"));
    Files.createDirectories(folder.resolve("inner"));
    Files.createSymbolicLink(folder.resolve("sub"), folder.resolve("inner"));

    restoreRefused("snapshot://folder/2024-07-26")
        .hasMessageContaining(folder.resolve("sub") + " is a link where the snapshot has a folder");
    assertThat(folder.resolve("inner")).isEmptyDirectory();
    assertThat(Files.isSymbolicLink(folder.resolve("sub"))).isTrue();
    assertThat(root.resolve("target/alcove/displaced")).doesNotExist();
  }

  @Test
  void aLinkToNothingWhereAFolderShouldBeIsRefusedInOneLine() throws Exception {
    Path folder = folderSnapshotOf("sub/deeper/file3.txt");
    Folders.delete(folder.resolve("sub"));
    Path nowhere = inputs.resolve("nowhere");
    Files.createSymbolicLink(folder.resolve("sub"), nowhere);

    restoreRefused("snapshot://folder/2024-07-26")
        .hasMessageContaining(folder.resolve("sub") + " is a link where the snapshot has a folder")
        .hasMessageContaining("move the link out of the snapshot's folder and run again");
    assertThat(nowhere).doesNotExist();
    assertThat(Files.isSymbolicLink(folder.resolve("sub"))).isTrue();
  }

  /** The folder is checked once per restore; each file's own place is still looked at. */
  @Test
  void aLinkWhereItHasAFileIsRefusedAndItsTargetLeftAlone() throws Exception {
    write("dir/a.txt", "first");
    write("dir/b.txt", "second");
    snapshot(inputs.resolve("dir"), "folder", false);
    Path folder = root.resolve("data/snapshots/folder/2024-07-26");
    Files.delete(folder.resolve("b.txt"));
    Path outside = write("outside.txt", "not the snapshot's");
    Files.createSymbolicLink(folder.resolve("b.txt"), outside);

    restoreRefused("snapshot://folder/2024-07-26")
        .hasMessageContaining("refusing to write " + folder.resolve("b.txt"))
        .hasMessageContaining("a link leads it outside");
    assertThat(outside).hasContent("not the snapshot's");
    assertThat(Files.isSymbolicLink(folder.resolve("b.txt"))).isTrue();
  }

  /** A folder snapshot, folder/2024-07-26, of these files (each holding its name); its data. */
  private Path folderSnapshotOf(String... files) throws Exception {
    for (String file : files) {
      write("dir/" + file, file);
    }
    snapshot(inputs.resolve("dir"), "folder", false);
    return root.resolve("data/snapshots/folder/2024-07-26");
  }

  private static String hex(String text) {
    return dev.alcove.core.checksum.Sha256.ofString(text).hex();
  }

  /** Restoring {@code uri}, found out of date, fails in one message: what it says. */
  private AbstractThrowableAssert<?, ? extends Throwable> restoreRefused(String uri) {
    RestoreSnapshot restore = restorer();
    SnapshotMetadata metadata = restore.metadata(StepUri.parse(uri));
    assertThat(restore.problem(metadata)).isPresent();
    return assertThatThrownBy(() -> restore.restore(metadata, depot()))
        .isInstanceOf(AlcoveException.class);
  }

  private void restoreAndCheck(String uri) {
    RestoreSnapshot restore = restorer();
    SnapshotMetadata metadata = restore.metadata(StepUri.parse(uri));
    assertThat(restore.problem(metadata)).isPresent();
    restore.restore(metadata, depot());
    assertThat(restore.problem(metadata)).isEmpty();
  }

  /** Checked once or not, a manifest that does not hash to the sidecar's checksum is refused. */
  @Test
  void aSidecarWhoseManifestIsNotItsChecksumIsNeverRestoredFrom() throws Exception {
    write("dir/file1.txt", "Hello, World!");
    snapshot(inputs.resolve("dir"), "folder", false);
    Path sidecar = root.resolve("data/snapshots/folder/2024-07-26.meta.yaml");
    Files.writeString(sidecar, Files.readString(sidecar).replace("file1.txt:", "renamed.txt:"));
    Path folder = root.resolve("data/snapshots/folder/2024-07-26");
    Map<String, String> before = TreeState.of(folder);

    RestoreSnapshot restore = restorer();
    SnapshotMetadata metadata = restore.metadata(StepUri.parse("snapshot://folder/2024-07-26"));
    assertThat(restore.problem(metadata))
        .contains("sidecar's manifest does not hash to its checksum");
    assertThatThrownBy(() -> restore.restore(metadata, depot()))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("is inconsistent");
    assertThat(TreeState.of(folder)).isEqualTo(before);
  }

  @Test
  void missingObjectNamesTheObjectAndTheSnapshot() throws Exception {
    snapshot(write("one.csv", "Hello, World!"), "file", false);
    Files.delete(storeDir.resolve("df/fd/" + HELLO_WORLD));
    Files.delete(root.resolve("data/snapshots/file/2024-07-26.csv"));
    RestoreSnapshot restore = restorer();
    SnapshotMetadata metadata = restore.metadata(StepUri.parse("snapshot://file/2024-07-26"));
    assertThatThrownBy(() -> restore.restore(metadata, depot()))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("df/fd/" + HELLO_WORLD)
        .hasMessageContaining("snapshot://file/2024-07-26");
    assertThat(root.resolve("data/snapshots/file/2024-07-26.csv")).doesNotExist();
  }

  private void assertRefused(Path source, String dataset, String message) {
    assertThatThrownBy(() -> snapshot(source, dataset, false))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private RestoreSnapshot restorer() {
    return new RestoreSnapshot(
        Contexts.silent(), Alcove.open(root).layout(), FileDigester.READ_EVERY_BYTE);
  }

  private Depot depot() {
    return new Depot(store, Optional.empty(), AlcoveLog.SILENT);
  }

  private TakeSnapshot.Result snapshot(Path source, String dataset, boolean force) {
    try (GoalContext context = Contexts.of(AlcoveLog.SILENT, 2, this::depot)) {
      return new TakeSnapshot(context, Alcove.open(root)).snapshot(source, dataset, force);
    }
  }

  private Path write(String name, String text) throws Exception {
    Path file = inputs.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
