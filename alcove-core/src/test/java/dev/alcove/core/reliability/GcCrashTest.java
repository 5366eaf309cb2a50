package dev.alcove.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.cache.CacheEntry;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.io.Folders;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.testing.ChildJvm;
import dev.alcove.core.testing.CrashInvariants;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alcove:gc} killed while it deletes: no cache entry is ever left naming a missing object,
 * whether the entry expired with it or is a recent one that shares the object.
 */
@Tag("reliability")
class GcCrashTest {

  static final int TRIALS = Integer.getInteger("alcove.crash.trials", 30) / 5;

  /** Enough entries that deleting them takes longer than a child JVM takes to start. */
  static final int ENTRIES = 1000;

  @TempDir Path dir;

  @Test
  void killedWhileDeletingLeavesNoEntryWithoutItsObject() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    Path template = dir.resolve("template");
    fill(new LocalDirectoryStore(template, "template"));
    Random random = new Random(20261203L);
    int killed = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      Folders.delete(t.store);
      copy(template, t.store);
      Process child = start(t);
      Thread.sleep(random.nextInt(600));
      if (child.isAlive()) {
        child.destroyForcibly();
        killed++;
      }
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      CrashInvariants.check(t.root, List.of(t.store), "gc trial " + trial);
    }
    System.out.println("gc crash trials: " + TRIALS + ", killed mid-operation: " + killed);
    assertThat(killed).as("most trials must really kill a running gc").isGreaterThan(TRIALS / 2);
  }

  /**
   * Old entries, each with its own object, and every tenth object also named by a recent entry,
   * which gc must keep with its object.
   */
  private void fill(LocalDirectoryStore store) throws Exception {
    Instant old = Instant.now().minus(Duration.ofDays(90));
    Path scratch = dir.resolve("scratch");
    Files.createDirectories(scratch);
    for (int i = 0; i < ENTRIES; i++) {
      Path file = scratch.resolve("object");
      Files.writeString(file, "table " + i);
      Checksum object = Sha256.ofFile(file);
      store.put(object, file, TransferProgress.NONE);
      write(store, "table://old" + i + "/latest", object, old);
      if (i % 10 == 0) {
        write(store, "table://recent" + i + "/latest", object, Instant.now());
      }
    }
  }

  /** A plain copy with the times kept: the store's own writes would flush every file. */
  private static void copy(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Files.copy(
            file,
            to.resolve(from.relativize(file).toString()),
            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private static void write(LocalDirectoryStore store, String table, Checksum object, Instant at)
      throws Exception {
    Checksum key = Sha256.ofString(table + object.hex());
    CacheEntry entry =
        new CacheEntry(
            key,
            StepUri.parse(table),
            object,
            10,
            1,
            Map.of("n", "INTEGER"),
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:01Z",
            1.0,
            "alcove test");
    store.writeEntry(entry.name(), entry.toBytes());
    Files.setLastModifiedTime(store.pathOfEntry(entry.name()), FileTime.from(at));
  }

  private static Process start(TestAlcove t) throws Exception {
    Process process =
        ChildJvm.start(CrashTarget.class, "gc", t.root.toString(), t.store.toString());
    assertThat(new BufferedReader(new InputStreamReader(process.getInputStream())).readLine())
        .isEqualTo("started");
    return process;
  }
}
