package dev.alcove.core.gc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.cache.CacheEntry;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.testing.Git;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.testing.TreeState;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectGarbageTest {

  static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  @TempDir Path dir;
  TestAlcove t;
  LocalDirectoryStore store;

  @BeforeEach
  void setUp() {
    t = new TestAlcove(dir);
    store = new LocalDirectoryStore(t.store, "local store");
  }

  @Test
  void keepsWhatTheWorkingTreeOrAnyCommitNamesAndDeletesOldEntriesFirst() throws Exception {
    StepUri old = t.snapshotText("people/2024-07-01", "people.csv", "region,people\neu,1\n");
    Checksum oldObject = snapshotObject(old);
    t.snapshotText("people/2024-07-26", "people.csv", "region,people\neu,10\nas,7\n");
    t.table(
        "table://summary/latest",
        ".sql",
        "SELECT region AS dim_region, sum(people) AS people FROM '{people}' GROUP BY ALL",
        "snapshot://people/latest");
    Git.commitAll(t.root, "two versions of people");
    Files.delete(t.path("data/snapshots/people/2024-07-01.meta.yaml"));
    Path catalogue = t.path("alcove.yaml");
    Files.write(
        catalogue,
        Files.readAllLines(catalogue).stream()
            .filter(line -> !line.contains("2024-07-01"))
            .toList());
    Git.commitAll(t.root, "drop the first version of people");
    assertThat(t.run().succeeded()).isTrue();
    Checksum summaryObject = tableObject("summary");
    // A branch switched away: no table metadata names the built table any more.
    Files.delete(t.path("data/tables/summary/latest.meta.yaml"));
    Files.delete(t.path("data/tables/summary/latest.parquet"));
    // An entry whose object only an older commit's sidecar names, and an entry pushed yesterday.
    writeEntry("table://copy/latest", oldObject, Duration.ofDays(90));
    Path recentFile = dir.resolve("recent.bin");
    Files.writeString(recentFile, "recent");
    Checksum recent = Sha256.ofFile(recentFile);
    store.put(recent, recentFile, TransferProgress.NONE);
    writeEntry("table://recent/latest", recent, Duration.ofDays(1));
    ageEntries(Duration.ofDays(40), "table://summary/latest");

    Map<String, String> before = TreeState.of(t.store);
    CollectGarbage.Result dryRun = gc(false, false);
    assertThat(TreeState.of(t.store)).isEqualTo(before);
    assertThat(dryRun.entries()).isEqualTo(2);
    assertThat(dryRun.objects()).isEqualTo(1);
    assertThat(t.lines)
        .anyMatch(line -> line.startsWith("dry run: would delete 2 cache entries and 1 object ("))
        .anyMatch(
            line ->
                line.contains("(pushed 40 days ago, for table://summary/latest) and its object"));

    CollectGarbage.Result deleted = gc(true, false);

    assertThat(deleted.entries()).isEqualTo(2);
    assertThat(store.contains(summaryObject)).isFalse();
    assertThat(store.contains(oldObject)).as("named by the first commit").isTrue();
    assertThat(store.contains(recent)).isTrue();
    assertThat(entryNames()).containsExactly(CacheEntry.nameOf(key("table://recent/latest")));
  }

  @Test
  void outsideGitNothingLeavesTheStoreUnlessForced() throws Exception {
    t.table("table://one/latest", ".sql", "SELECT 1 AS n");
    assertThat(t.run().succeeded()).isTrue();
    Checksum object = tableObject("one");
    Files.delete(t.path("data/tables/one/latest.meta.yaml"));
    ageEntries(Duration.ofDays(40), "table://one/latest");

    gc(true, false);
    assertThat(store.contains(object)).isTrue();
    assertThat(entryNames()).hasSize(1);
    assertThat(t.lines).anyMatch(line -> line.startsWith("WARN cannot read the git history of "));

    gc(true, true);
    assertThat(store.contains(object)).isFalse();
    assertThat(entryNames()).isEmpty();
  }

  @Test
  void aDamagedEntryIsIgnoredByRunsAndDeletedByGcWhateverItsAge() throws Exception {
    t.table("table://one/latest", ".sql", "SELECT 1 AS n");
    assertThat(t.run().succeeded()).isTrue();
    String name = store.listEntries(CacheEntry.FOLDER).get(0).name();
    Files.writeString(store.pathOfEntry(name), "format: something else\n");
    Files.delete(t.path("data/tables/one/latest.parquet"));

    assertThat(t.run().tables(dev.alcove.core.run.TableRun.Outcome.BUILT)).hasSize(1);
    assertThat(t.lines)
        .anyMatch(line -> line.startsWith("WARN ignored a damaged table cache entry: "));
    // The build pushed a good entry under the same key; damage it again for gc.
    Files.writeString(store.pathOfEntry(name), "format: something else\n");
    Git.commitAll(t.root, "one table");

    gc(true, false);
    assertThat(t.lines)
        .anyMatch(line -> line.contains(name + " in ") && line.contains("(damaged)"));
    assertThat(entryNames()).isEmpty();
  }

  @Test
  void theLocalCacheIsTrimmedLeastRecentlyUsedFirstWithItsEntries() throws Exception {
    LocalDirectoryStore cache = LocalDirectoryStore.cache(dir.resolve("cache"));
    Checksum[] objects = new Checksum[3];
    for (int i = 0; i < 3; i++) {
      Path file = dir.resolve("object" + i);
      Files.write(file, new byte[1000 + i]);
      objects[i] = Sha256.ofFile(file);
      cache.put(objects[i], file, TransferProgress.NONE);
      Files.setLastModifiedTime(
          cache.pathOf(objects[i]), FileTime.from(NOW.minus(Duration.ofDays(10 - i))));
    }
    cache.writeEntry(
        CacheEntry.nameOf(key("table://a/latest")),
        entry("table://a/latest", objects[0], 1000).toBytes());
    Depot depot = new Depot(store, Optional.of(cache), t.log);

    try (GoalContext context = context(() -> depot)) {
      new CollectGarbage(context, t.alcove(), new GcOptions(true, 30, Optional.of(2100L), true))
          .run();
    }

    assertThat(cache.contains(objects[0])).isFalse();
    assertThat(cache.contains(objects[1])).isTrue();
    assertThat(cache.contains(objects[2])).isTrue();
    assertThat(cache.listEntries(CacheEntry.FOLDER)).isEmpty();
  }

  @Test
  void anObjectNamedByAnOlderStashADetachedHeadOrTheIndexIsKept() throws Exception {
    Git.commitAll(t.root, "an empty alcove");
    Checksum inOlderStash = cacheOnlyObject("stashed", Duration.ofDays(90));
    Checksum onDetachedHead = cacheOnlyObject("detached", Duration.ofDays(90));
    Checksum inIndex = cacheOnlyObject("staged", Duration.ofDays(90));
    Checksum namedNowhere = cacheOnlyObject("nowhere", Duration.ofDays(90));
    Path sidecar = t.path("data/snapshots/notes/2024-07-26.meta.yaml");

    TestAlcove.write(sidecar, "checksum: " + inOlderStash.hex() + "\n");
    Git.run(t.root, "add", "-A");
    Git.run(t.root, "stash", "-q");
    TestAlcove.write(sidecar, "checksum: none\n");
    Git.run(t.root, "add", "-A");
    Git.run(t.root, "stash", "-q");
    Git.run(t.root, "checkout", "-q", "--detach");
    TestAlcove.write(sidecar, "checksum: " + onDetachedHead.hex() + "\n");
    Git.commitAll(t.root, "on a detached HEAD");
    Git.run(t.root, "checkout", "-q", "main");
    TestAlcove.write(sidecar, "checksum: " + inIndex.hex() + "\n");
    Git.run(t.root, "add", "-A");
    Files.delete(sidecar);

    gc(true, false);

    assertThat(store.contains(inOlderStash)).as("named by stash@{1}").isTrue();
    assertThat(store.contains(onDetachedHead)).as("named by HEAD's reflog").isTrue();
    assertThat(store.contains(inIndex)).as("named by the index").isTrue();
    assertThat(store.contains(namedNowhere)).isFalse();
    assertThat(entryNames()).as("expired entries go, their named objects stay").isEmpty();
  }

  @Test
  void aShallowOrPartialCloneDeletesNothingFromTheStoreUnlessForced() throws Exception {
    Checksum namedByAnOldCommit = cacheOnlyObject("old", Duration.ofDays(90));
    Path sidecar = t.path("data/snapshots/old/2024-07-26.meta.yaml");
    TestAlcove.write(sidecar, "checksum: " + namedByAnOldCommit.hex() + "\n");
    Git.commitAll(t.root, "a version naming the object");
    Files.delete(sidecar);
    Git.commitAll(t.root, "that version dropped");
    Git.run(t.root, "config", "uploadpack.allowFilter", "true");
    String origin = "file://" + t.root.toAbsolutePath();
    Git.run(dir, "clone", "-q", "--depth", "1", origin, "shallow");
    Git.run(dir, "clone", "-q", "--filter=blob:none", origin, "partial");

    for (String clone : List.of("shallow", "partial")) {
      t.lines.clear();
      gcIn(dir.resolve(clone), false);
      assertThat(store.contains(namedByAnOldCommit)).as(clone).isTrue();
      assertThat(entryNames()).as(clone).hasSize(1);
      assertThat(t.lines)
          .as(clone)
          .anyMatch(
              line ->
                  line.startsWith("WARN the git history of " + dir.resolve(clone))
                      && line.contains(
                          clone.equals("shallow") ? "git fetch --unshallow" : "--filter")
                      && line.contains("nothing will be deleted from local store"));
    }
    gcIn(dir.resolve("shallow"), true);
    assertThat(store.contains(namedByAnOldCommit)).as("forced").isFalse();
  }

  @Test
  void filesUnderTheCacheFolderThatAlcoveDidNotWriteAreLeftAlone() throws Exception {
    Git.commitAll(t.root, "an empty alcove");
    Checksum expired = cacheOnlyObject("expired", Duration.ofDays(90));
    Path readme = t.store.resolve("cache/v1/readme");
    Path notes = t.store.resolve("cache/v1/Notes.txt");
    Path nested = t.store.resolve("cache/v1/team/" + expired.hex());
    for (Path file : List.of(readme, notes, nested)) {
      TestAlcove.write(file, "kept by a person");
      Files.setLastModifiedTime(file, FileTime.from(NOW.minus(Duration.ofDays(400))));
    }

    CollectGarbage.Result result = gc(true, false);

    assertThat(result.entries()).isEqualTo(1);
    assertThat(store.contains(expired)).isFalse();
    assertThat(readme).hasContent("kept by a person");
    assertThat(notes).hasContent("kept by a person");
    assertThat(nested).hasContent("kept by a person");
    assertThat(t.lines)
        .filteredOn(line -> line.contains("did not write"))
        .singleElement()
        .asString()
        .startsWith("left alone 3 files under cache/v1 in local store ")
        .contains("that alcove did not write: ")
        .contains("cache/v1/readme", "cache/v1/Notes.txt");
  }

  @Test
  void anObjectAnotherAlcoveOnTheSameStoreSnapshottedIsKept() throws Exception {
    t.table("table://published/latest", ".sql", "SELECT 42 AS answer");
    assertThat(t.run().succeeded()).isTrue();
    Checksum published = tableObject("published");
    // A second project on the same (default) store takes the published table as its data.
    TestAlcove other = new TestAlcove(dir.resolve("other"), t.store);
    StepUri taken = other.snapshot(t.path("data/tables/published/latest.parquet"), "answers");
    assertThat(snapshotObject(other, taken)).isEqualTo(published);
    // The first project drops its table; its cache entry ages past keepDays.
    Files.delete(t.path("data/tables/published/latest.meta.yaml"));
    Files.delete(t.path("data/tables/published/latest.parquet"));
    ageEntries(Duration.ofDays(40), "table://published/latest");
    Git.commitAll(t.root, "nothing names the published table here");

    CollectGarbage.Result result = gc(true, false);

    assertThat(result.entries()).isEqualTo(1);
    assertThat(result.objects()).isZero();
    assertThat(store.contains(published)).isTrue();
    Files.delete(other.path("data/snapshots/answers/" + taken.version() + ".parquet"));
    assertThat(other.run().succeeded()).isTrue();
    assertThat(Sha256.ofFile(other.path("data/snapshots/answers/" + taken.version() + ".parquet")))
        .isEqualTo(published);
  }

  /** An object in the store named only by a cache entry pushed {@code age} ago. */
  private Checksum cacheOnlyObject(String name, Duration age) throws Exception {
    Path file = dir.resolve(name + ".bin");
    Files.writeString(file, "the table " + name);
    Checksum object = Sha256.ofFile(file);
    store.put(object, file, TransferProgress.NONE);
    writeEntry("table://" + name + "/latest", object, age);
    return object;
  }

  private void gcIn(Path root, boolean force) {
    try (GoalContext context = context(t::depot)) {
      new CollectGarbage(
              context,
              dev.alcove.core.Alcove.open(root),
              new GcOptions(true, 30, Optional.empty(), force))
          .run();
    }
  }

  private CollectGarbage.Result gc(boolean delete, boolean force) {
    t.lines.clear();
    try (GoalContext context = context(t::depot)) {
      return new CollectGarbage(
              context, t.alcove(), new GcOptions(delete, 30, Optional.empty(), force))
          .run();
    }
  }

  private GoalContext context(java.util.function.Supplier<Depot> depot) {
    return GoalContext.builder()
        .log(t.log)
        .clock(Clock.fixed(NOW, java.time.ZoneOffset.UTC))
        .threads(2)
        .store(depot)
        .build();
  }

  private Checksum snapshotObject(StepUri uri) throws Exception {
    return snapshotObject(t, uri);
  }

  private static Checksum snapshotObject(TestAlcove alcove, StepUri uri) throws Exception {
    return SnapshotMetadata.read(alcove.alcove().layout().snapshotSidecar(uri), uri).checksum();
  }

  private Checksum tableObject(String table) throws Exception {
    return Sha256.ofFile(t.path("data/tables/" + table + "/latest.parquet"));
  }

  /** The key a forged entry is stored under: any fixed checksum per table. */
  private static Checksum key(String table) {
    return Sha256.ofString(table);
  }

  private static CacheEntry entry(String table, Checksum object, long bytes) {
    return new CacheEntry(
        key(table),
        StepUri.parse(table),
        object,
        bytes,
        1,
        Map.of("n", "INTEGER"),
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:01Z",
        1.0,
        "alcove test");
  }

  private void writeEntry(String table, Checksum object, Duration age) throws Exception {
    String name = CacheEntry.nameOf(key(table));
    store.writeEntry(name, entry(table, object, 10).toBytes());
    Files.setLastModifiedTime(store.pathOfEntry(name), FileTime.from(NOW.minus(age)));
  }

  /** Makes every entry for {@code table} look pushed {@code age} ago. */
  private void ageEntries(Duration age, String table) throws Exception {
    for (var stored : store.listEntries(CacheEntry.FOLDER)) {
      byte[] bytes = Files.readAllBytes(store.pathOfEntry(stored.name()));
      if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("table: " + table)) {
        Files.setLastModifiedTime(store.pathOfEntry(stored.name()), FileTime.from(NOW.minus(age)));
      }
    }
  }

  private List<String> entryNames() {
    return store.listEntries(CacheEntry.FOLDER).stream().map(e -> e.name()).sorted().toList();
  }
}
