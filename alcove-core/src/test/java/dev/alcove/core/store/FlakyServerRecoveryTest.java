package dev.alcove.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.run.RunReport;
import dev.alcove.core.snapshot.TakeSnapshot;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Settings;
import dev.alcove.core.store.s3.S3Store;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.testing.FlakyProxy;
import dev.alcove.core.testing.RecordingLog;
import dev.alcove.core.testing.S3TestServer;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that fails only sometimes (500s, connections cut mid-response): the retries get a
 * snapshot into it and back out, every byte as it was, and each retry is said.
 */
@Tag("reliability")
class FlakyServerRecoveryTest {

  @TempDir Path dir;

  @Test
  void snapshotAndRestoreGetThroughAServerThatFailsSometimes() throws Exception {
    Path folder = dir.resolve("sources/folder");
    Files.createDirectories(folder);
    Random random = new Random(42);
    for (int i = 0; i < 12; i++) {
      byte[] bytes = new byte[100_000 + i];
      random.nextBytes(bytes);
      Files.write(folder.resolve("part-" + i + ".bin"), bytes);
    }
    try (S3TestServer server = S3TestServer.start(dir.resolve("blobs"));
        FlakyProxy proxy = new FlakyProxy(URI.create(server.endpoint()).getPort(), 4, 10)) {
      S3Settings flaky =
          new S3Settings(
              proxy.endpoint(),
              S3TestServer.BUCKET,
              "",
              S3TestServer.ACCESS_KEY,
              S3TestServer.SECRET_KEY);
      RecordingLog log = new RecordingLog();
      Supplier<Depot> depot =
          () -> new Depot(S3Store.open(flaky, new Retry(6, 5, log)), Optional.empty(), log);

      TestAlcove t = new TestAlcove(dir.resolve("alcove"));
      try (GoalContext context = Contexts.of(log, 4, depot)) {
        new TakeSnapshot(context, t.alcove()).snapshot(folder, "folder/2024-07-26", false);
      }
      StepUri uri = StepUri.parse("snapshot://folder/2024-07-26");
      SnapshotMetadata sidecar =
          SnapshotMetadata.read(t.alcove().layout().snapshotSidecar(uri), uri);
      for (Checksum object : sidecar.manifest().orElseThrow().entries().values()) {
        Path stored = server.objectFile(ObjectKeys.key("", object));
        assertThat(Sha256.ofFile(stored)).as("stored object %s", object).isEqualTo(object);
      }

      Path restored = t.path("data/snapshots/folder/2024-07-26");
      dev.alcove.core.io.Folders.delete(restored);
      RunReport report;
      try (GoalContext context = Contexts.of(log, 4, depot)) {
        report =
            new RunEngine(
                    context,
                    t.alcove(),
                    new RunOptions(dev.alcove.core.select.Selection.ALL, false, false))
                .run();
      }
      assertThat(report.succeeded()).as(report.failureSummary()).isTrue();
      for (int i = 0; i < 12; i++) {
        assertThat(
                Files.mismatch(
                    folder.resolve("part-" + i + ".bin"), restored.resolve("part-" + i + ".bin")))
            .as("restored part %d", i)
            .isEqualTo(-1L);
      }
      assertThat(proxy.faults()).as("faults served").isEqualTo(10);
      assertThat(log.warnings).isNotEmpty().allMatch(w -> w.contains("retrying in"));
    }
  }
}
