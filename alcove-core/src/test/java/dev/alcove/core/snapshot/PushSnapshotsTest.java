package dev.alcove.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.audit.Audit;
import dev.alcove.core.audit.AuditOptions;
import dev.alcove.core.audit.Finding;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.io.Folders;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.store.ObjectKeys;
import dev.alcove.core.store.SnapshotPins;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Store;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.testing.RecordingLog;
import dev.alcove.core.testing.S3TestServer;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.testing.TreeState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team that started alone with the local store adds a bucket (S3Proxy): {@code push} puts every
 * object its snapshots name there, from the alcove's data or the old local store.
 */
class PushSnapshotsTest {

  @TempDir Path dir;
  TestAlcove t;
  S3TestServer server;
  LocalDirectoryStore local;

  @BeforeEach
  void start() throws Exception {
    t = new TestAlcove(dir);
    local = new LocalDirectoryStore(t.store, "local store");
    server = S3TestServer.start(dir.resolve("s3"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void everyObjectGoesUpOnceFromDataOrTheOldStoreAndAuditThenFindsNothingMissing()
      throws Exception {
    t.snapshotText("people", "people.csv", "region,people\neu,10\n");
    Path folder = Files.createDirectories(dir.resolve("inputs/parts"));
    Files.writeString(folder.resolve("a.csv"), "a\n1\n");
    Files.writeString(folder.resolve("b.csv"), "b\n2\n");
    Files.write(folder.resolve("empty.csv"), new byte[0]);
    t.snapshot(folder, "parts");
    // One file is gone from the data: it comes from the old store instead.
    Path gone = t.path("data/snapshots/parts/2024-07-26/b.csv");
    Checksum goneObject = dev.alcove.core.checksum.Sha256.ofFile(gone);
    Files.delete(gone);

    assertThat(missingRemotely()).as("before the push").isNotEmpty();
    RecordingLog log = new RecordingLog();
    PushSnapshots.Result first = push(log);

    assertThat(first.snapshots()).isEqualTo(2);
    assertThat(first.objects()).isEqualTo(4);
    assertThat(first.uploaded()).isEqualTo(4);
    assertThat(server.objectFile("team/" + ObjectKeys.relativeKey(goneObject))).exists();
    assertThat(log.lines)
        .anyMatch(line -> line.startsWith("pushing 4 objects ("))
        .anyMatch(line -> line.startsWith("2 snapshots, 4 objects: 4 uploaded ("));
    assertThat(missingRemotely()).as("after the push").isEmpty();
    try (S3Store store = S3Store.open(server.settings("team"), Retry.standard(AlcoveLog.SILENT))) {
      assertThat(SnapshotPins.pinned(store)).hasSize(4);
    }

    RecordingLog again = new RecordingLog();
    assertThat(push(again).uploaded()).as("a second push").isZero();
    assertThat(again.lines).anyMatch(line -> line.contains(": 0 uploaded (0 B), 4 already in "));
  }

  @Test
  void anObjectNowhereToBeFoundStopsThePushBeforeAnythingIsUploaded() throws Exception {
    t.snapshotText("people", "people.csv", "region,people\neu,10\n");
    Files.delete(t.path("data/snapshots/people/2024-07-26.csv"));
    Folders.delete(t.store);
    Map<String, String> bucket = TreeState.of(dir.resolve("s3"));

    assertThatThrownBy(() -> push(new RecordingLog()))
        .hasMessageStartingWith("1 object is neither in the alcove's data nor in ")
        .hasMessageContaining("of snapshot://people/2024-07-26")
        .hasMessageEndingWith("nothing was uploaded");
    assertThat(TreeState.of(dir.resolve("s3"))).isEqualTo(bucket);
  }

  @Test
  void pushingToTheLocalStoreItselfSaysToConfigureTheBucketFirst() {
    t.snapshotText("people", "people.csv", "region,people\neu,10\n");
    try (GoalContext context = t.context(2)) {
      assertThatThrownBy(() -> new PushSnapshots(context, t.alcove(), Optional.of(local)).push())
          .hasMessageContaining("configure the bucket first");
    }
  }

  private PushSnapshots.Result push(RecordingLog log) {
    try (GoalContext context = s3Context(log)) {
      return new PushSnapshots(context, t.alcove(), Optional.of(local)).push();
    }
  }

  private List<Finding> missingRemotely() {
    try (GoalContext context = s3Context(new RecordingLog())) {
      return new Audit(context, t.root, new AuditOptions(false, false, true))
          .run(List.of()).stream()
              .filter(finding -> finding.severity() == Finding.Severity.ERROR)
              .filter(finding -> finding.message().contains("missing from"))
              .toList();
    }
  }

  private GoalContext s3Context(RecordingLog log) {
    return Contexts.of(
        log,
        2,
        () ->
            new Depot(
                S3Store.open(server.settings("team"), Retry.standard(log)),
                Optional.of(LocalDirectoryStore.cache(dir.resolve("cache"))),
                log));
  }
}
