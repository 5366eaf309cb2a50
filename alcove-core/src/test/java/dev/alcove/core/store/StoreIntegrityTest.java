package dev.alcove.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.Alcove;
import dev.alcove.core.audit.Audit;
import dev.alcove.core.audit.AuditOptions;
import dev.alcove.core.audit.Finding;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.select.Selection;
import dev.alcove.core.snapshot.TakeSnapshot;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.testing.RemoteStandIn;
import dev.alcove.core.testing.TestAlcove;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored and cached objects hold the bytes of their key, whatever happens to the alcove's files.
 */
class StoreIntegrityTest {

  @TempDir Path dir;

  @Test
  void anEmptiedStoredObjectFailsARemoteAuditAndAForcedSnapshotRepairsIt() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    Path source = Files.writeString(dir.resolve("codes.csv"), "code\nab\n");
    t.snapshot(source, "codes");
    Checksum sum = Sha256.ofFile(source);
    Path object = new LocalDirectoryStore(t.store, "local store").pathOf(sum);
    Files.write(object, new byte[0]);

    List<Finding> findings =
        new Audit(t.context(1), t.root, new AuditOptions(false, false, true)).run(List.of());
    assertThat(findings)
        .anyMatch(
            f ->
                f.severity() == Finding.Severity.ERROR
                    && f.toString().contains("1 of 1 objects missing"));

    try (GoalContext context = t.context(1)) {
      new TakeSnapshot(context, t.alcove()).snapshot(source, "codes/2024-07-26", true);
    }
    assertThat(Sha256.ofFile(object)).isEqualTo(sum);
  }

  @Test
  void editingRestoredSnapshotDataInPlaceLeavesTheCachedObjectIntact() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    Path cache = dir.resolve("cache");
    Path source = Files.writeString(dir.resolve("codes.csv"), "code\nab\n");
    Checksum sum = Sha256.ofFile(source);
    Path cached = LocalDirectoryStore.cache(cache).pathOf(sum);
    Path data = t.path("data/snapshots/codes/2024-07-26.csv");
    try (GoalContext context = remoteWithCache(t, cache)) {
      new TakeSnapshot(context, Alcove.open(t.root)).snapshot(source, "codes", false);
    }
    assertThat(cached)
        .as("the alcove's copy is the one on this machine: an upload does not fill the cache")
        .doesNotExist();

    Files.delete(data);
    try (GoalContext context = remoteWithCache(t, cache)) {
      new RunEngine(context, Alcove.open(t.root), new RunOptions(Selection.ALL, false, false))
          .run();
    }
    assertThat(data).hasContent("code\nab\n");
    assertThat(Sha256.ofFile(cached)).isEqualTo(sum);

    Files.writeString(data, "edited in place\n");
    assertThat(Sha256.ofFile(cached)).isEqualTo(sum);
  }

  private static GoalContext remoteWithCache(TestAlcove t, Path cache) {
    return Contexts.of(
        AlcoveLog.SILENT,
        1,
        () ->
            new Depot(
                new RemoteStandIn(new LocalDirectoryStore(t.store, "store")),
                Optional.of(LocalDirectoryStore.cache(cache)),
                AlcoveLog.SILENT));
  }
}
