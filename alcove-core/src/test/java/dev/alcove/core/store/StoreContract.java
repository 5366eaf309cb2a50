package dev.alcove.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.testing.LandedRangesRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ObjectStore} must do, run against each kind: objects by checksum, entries by
 * name beside them. A subclass says how to open the store under test.
 */
abstract class StoreContract {

  @TempDir Path dir;

  /** A fresh, empty store. */
  abstract ObjectStore open() throws Exception;

  /** The file in which the server keeps an object, where a test can damage it. */
  Optional<Path> fileOf(Checksum checksum) {
    return Optional.empty();
  }

  @Test
  void presentInBulkNamesExactlyTheObjectsThere() throws Exception {
    try (ObjectStore store = open()) {
      List<Checksum> stored = new ArrayList<>();
      List<Checksum> missing = new ArrayList<>();
      // Enough objects that a remote store lists the bucket instead of asking object by object.
      for (int i = 0; i < 80; i++) {
        Path file = dir.resolve("bulk-" + i);
        Files.writeString(file, "object " + i);
        Checksum sum = Sha256.ofFile(file);
        if (i % 3 == 0) {
          missing.add(sum);
        } else {
          store.upload(sum, file, TransferProgress.NONE);
          stored.add(sum);
        }
      }
      List<Checksum> asked = new ArrayList<>(stored);
      asked.addAll(missing);
      assertThat(store.present(asked, ThreadBudget.of(4)))
          .containsExactlyInAnyOrderElementsOf(stored);
    }
  }

  /**
   * Enough objects at once that a local store flushes the whole file system instead of each file:
   * every one lands whole under its name, and a second put of the same set writes nothing.
   */
  @Test
  void manyObjectsPutAtOnceLandWhole() throws Exception {
    try (ObjectStore store = open()) {
      java.util.Map<Checksum, Path> objects = new java.util.TreeMap<>();
      for (int i = 0; i < 2 * dev.alcove.core.io.FileSystemFlush.WORTH_IT_FROM_FILES; i++) {
        Path file = dir.resolve("many-" + i);
        Files.writeString(file, i == 0 ? "" : "object " + i);
        objects.put(Sha256.ofFile(file), file);
      }
      store.uploadAll(objects, ThreadBudget.of(4), TransferProgress.NONE);
      assertThat(store.present(objects.keySet(), ThreadBudget.of(4)))
          .containsExactlyInAnyOrderElementsOf(objects.keySet());
      for (Checksum sum : objects.keySet()) {
        Path back = dir.resolve("back");
        assertThat(store.get(sum, back, TransferProgress.NONE)).isEqualTo(sum);
        Files.delete(back);
      }
      fileOf(objects.keySet().iterator().next())
          .ifPresent(
              object -> {
                try (var files = Files.walk(object.getParent().getParent().getParent())) {
                  assertThat(files.map(f -> f.getFileName().toString()))
                      .as("no temporary is left beside the objects")
                      .noneMatch(name -> name.startsWith("."));
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    }
  }

  /** The size of one part or range of this store's transfers: the sizes on its edges are tested. */
  long partSize() {
    return dev.alcove.core.store.s3.S3Store.PART_SIZE;
  }

  /**
   * Every size that sits on an edge of a transfer, up and down, whole and in ranges: empty (S3
   * answers a range of an empty object with 416), one byte, exactly one part, one part and one
   * byte, and several parts with a short last one.
   */
  @Test
  void objectsOfEverySizeOnAnEdgeRoundTrip() throws Exception {
    long part = partSize();
    long[] sizes = {0, 1, part, part + 1, 2 * part + part / 2};
    try (ObjectStore store = open()) {
      java.util.Random random = new java.util.Random(11);
      for (long size : sizes) {
        Path file = dir.resolve("edge-" + size + ".bin");
        byte[] bytes = new byte[(int) size];
        random.nextBytes(bytes);
        Files.write(file, bytes);
        Checksum sum = Sha256.ofFile(file);
        store.upload(sum, file, TransferProgress.NONE, ThreadBudget.of(4));
        assertThat(store.contains(sum)).as("%d bytes stored", size).isTrue();
        Path whole = dir.resolve("whole-" + size + ".bin");
        assertThat(store.get(sum, whole, TransferProgress.NONE))
            .as("%d bytes whole", size)
            .isEqualTo(sum);
        Path ranged = dir.resolve("ranged-" + size + ".bin");
        LandedRangesRecord landed = new LandedRangesRecord();
        assertThat(store.get(sum, ranged, TransferProgress.NONE, ThreadBudget.of(4), landed))
            .as("%d bytes in ranges", size)
            .isEqualTo(sum);
        landed.assertTiles(size);
        assertThat(Files.size(whole)).isEqualTo(size);
        assertThat(Files.size(ranged)).isEqualTo(size);
        assertThat(Sha256.ofFile(ranged)).isEqualTo(sum);
        Files.delete(file);
        Files.delete(whole);
        Files.delete(ranged);
      }
    }
  }

  @Test
  void aCorruptObjectComesBackWithTheChecksumOfWhatIsThere() throws Exception {
    try (ObjectStore store = open()) {
      Path file = dir.resolve("object.bin");
      Files.writeString(file, "good bytes");
      Checksum sum = Sha256.ofFile(file);
      store.put(sum, file, TransferProgress.NONE);
      Optional<Path> kept = fileOf(sum);
      Assumptions.assumeTrue(kept.isPresent(), "this server's files cannot be reached to damage");
      Files.writeString(kept.get(), "bad bytes!");
      assertThat(store.get(sum, dir.resolve("back.bin"), TransferProgress.NONE))
          .isNotEqualTo(sum)
          .isEqualTo(Sha256.ofFile(dir.resolve("back.bin")));
    }
  }

  @Test
  void concurrentPutsOfOneObjectLeaveItWhole() throws Exception {
    try (ObjectStore store = open()) {
      byte[] bytes = new byte[3 << 20];
      new java.util.Random(7).nextBytes(bytes);
      Path file = dir.resolve("shared.bin");
      Files.write(file, bytes);
      Checksum sum = Sha256.ofFile(file);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> puts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          puts.add(pool.submit(() -> store.upload(sum, file, TransferProgress.NONE)));
        }
        for (Future<?> put : puts) {
          put.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(store.get(sum, dir.resolve("back.bin"), TransferProgress.NONE)).isEqualTo(sum);
    }
  }

  @Test
  void aDownloadSaysTheObjectsSizeSoItsProgressHasAPercentage() throws Exception {
    try (ObjectStore store = open()) {
      Path file = dir.resolve("sized.bin");
      Files.write(file, new byte[12_345]);
      Checksum sum = Sha256.ofFile(file);
      store.put(sum, file, TransferProgress.NONE);
      for (boolean inRanges : new boolean[] {false, true}) {
        java.util.List<Long> expected = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicLong received =
            new java.util.concurrent.atomic.AtomicLong();
        TransferProgress progress =
            new TransferProgress() {
              @Override
              public void transferred(long bytes) {
                received.addAndGet(bytes);
              }

              @Override
              public void expect(long bytes) {
                expected.add(bytes);
              }
            };
        Path back = dir.resolve("sized-" + inRanges + ".bin");
        if (inRanges) {
          store.get(
              sum,
              back,
              progress,
              dev.alcove.core.concurrent.ThreadBudget.of(2),
              LandedRanges.IGNORED);
        } else {
          store.get(sum, back, progress);
        }
        assertThat(expected).as("ranges: " + inRanges).isNotEmpty().allMatch(n -> n == 12_345L);
        assertThat(received.get()).isEqualTo(12_345L);
      }
    }
  }

  @Test
  void objectsRoundTripAndDeletingThemIsIdempotent() throws Exception {
    try (ObjectStore store = open()) {
      Path file = dir.resolve("object.bin");
      Files.writeString(file, "some bytes");
      Checksum sum = Sha256.ofFile(file);
      assertThat(store.contains(sum)).isFalse();
      store.put(sum, file, TransferProgress.NONE);
      assertThat(store.contains(sum)).isTrue();
      assertThat(store.get(sum, dir.resolve("back.bin"), TransferProgress.NONE)).isEqualTo(sum);
      assertThat(Files.readString(dir.resolve("back.bin"))).isEqualTo("some bytes");
      store.delete(sum);
      store.delete(sum);
      assertThat(store.contains(sum)).isFalse();
      assertThatThrownBy(() -> store.get(sum, dir.resolve("gone.bin"), TransferProgress.NONE))
          .isInstanceOf(ObjectMissingException.class);
    }
  }

  @Test
  void entriesAreWrittenReadListedAndDeletedByName() throws Exception {
    try (ObjectStore store = open()) {
      String name = "cache/v1/" + "ab".repeat(32);
      assertThat(store.readEntry(name, 1000)).isEmpty();
      assertThat(store.listEntries("cache/v1")).isEmpty();
      Instant before = Instant.now().minus(Duration.ofMinutes(5));

      store.writeEntry(name, "first".getBytes(StandardCharsets.UTF_8));
      store.writeEntry(name, "second".getBytes(StandardCharsets.UTF_8));
      store.writeEntry("cache/v2/other", "x".getBytes(StandardCharsets.UTF_8));

      assertThat(store.readEntry(name, 1000))
          .hasValueSatisfying(
              bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("second"));
      assertThat(store.listEntries("cache/v1"))
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.name()).isEqualTo(name);
                assertThat(entry.size()).isEqualTo(6);
                assertThat(entry.modified()).isAfter(before);
              });
      store.deleteEntry(name);
      store.deleteEntry(name);
      assertThat(store.readEntry(name, 1000)).isEmpty();
      assertThat(store.listEntries("cache/v1")).isEmpty();
      assertThat(store.listEntries("cache/v2")).hasSize(1);
    }
  }

  @Test
  void anOversizedEntryIsRefusedAndNamesThatCouldEscapeAreRejected() throws Exception {
    try (ObjectStore store = open()) {
      store.writeEntry("cache/v1/big", new byte[2000]);
      assertThatThrownBy(() -> store.readEntry("cache/v1/big", 1000)).hasMessageContaining("1000");
      for (String bad :
          new String[] {"../x", "cache/../../x", "ab/cd", "cache", "/cache/v1/x", "Cache/v1/x"}) {
        assertThatThrownBy(() -> store.writeEntry(bad, new byte[1]))
            .as(bad)
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }
}
