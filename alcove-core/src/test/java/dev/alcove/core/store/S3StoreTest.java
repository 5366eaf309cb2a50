package dev.alcove.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Settings;
import dev.alcove.core.store.s3.S3Store;
import dev.alcove.core.testing.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 adapter against a real S3 server running in this JVM. */
class S3StoreTest {

  @TempDir static Path serverDir;
  @TempDir Path dir;
  static S3TestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3TestServer.start(serverDir.resolve("blobs"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void putsObjectsUnderTheSpecKeyAndGetsThemBack() throws Exception {
    Path file = dir.resolve("hello.txt");
    Files.writeString(file, "Hello, World!");
    Checksum sum = Sha256.ofFile(file);
    try (S3Store store =
        S3Store.open(server.settings("team/alcove"), Retry.standard(AlcoveLog.SILENT))) {
      assertThat(store.contains(sum)).isFalse();
      store.put(sum, file, TransferProgress.NONE);
      assertThat(store.contains(sum)).isTrue();
      assertThat(server.objectFile("team/alcove/df/fd/" + sum.hex())).hasContent("Hello, World!");
      Path back = dir.resolve("back");
      store.get(sum, back, TransferProgress.NONE);
      assertThat(back).hasContent("Hello, World!");
    }
  }

  @Test
  void largeFilesGoMultipartAndReportProgress() throws Exception {
    Path file = dir.resolve("big.bin");
    byte[] bytes = writeRandom(file, S3Store.PART_SIZE * 2 + 12345, 7);
    Checksum sum = Sha256.ofBytes(bytes);
    AtomicLong progress = new AtomicLong();
    try (S3Store store = S3Store.open(server.settings(""), Retry.standard(AlcoveLog.SILENT))) {
      store.put(sum, file, progress::addAndGet);
      assertThat(progress.get()).isEqualTo(bytes.length);
      Path back = dir.resolve("big.back");
      store.get(sum, back, TransferProgress.NONE);
      assertThat(Sha256.ofFile(back)).isEqualTo(sum);
    }
  }

  @Test
  void wrongSecretMissingBucketAndNoServerAreOneLineErrorsWithoutTheSecret() {
    S3Settings good = server.settings("");
    S3Settings wrongSecret =
        new S3Settings(good.endpoint(), good.bucket(), "", good.accessKey(), "wrong-secret-123");
    assertThatThrownBy(() -> S3Store.open(wrongSecret, new Retry(1, 0, AlcoveLog.SILENT)))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("S3 refused the credentials")
        .hasMessageContaining("SignatureDoesNotMatch")
        .hasMessageNotContaining("wrong-secret-123");

    S3Settings noBucket =
        new S3Settings(good.endpoint(), "no-such-bucket", "", good.accessKey(), good.secretKey());
    assertThatThrownBy(() -> S3Store.open(noBucket, new Retry(1, 0, AlcoveLog.SILENT)))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("bucket 'no-such-bucket' does not exist")
        .hasMessageNotContaining(S3TestServer.SECRET_KEY);

    S3Settings nowhere =
        new S3Settings("http://127.0.0.1:9", good.bucket(), "", good.accessKey(), good.secretKey());
    assertThatThrownBy(() -> S3Store.open(nowhere, new Retry(2, 1, AlcoveLog.SILENT)))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("cannot reach S3 endpoint http://127.0.0.1:9")
        .hasMessageNotContaining(S3TestServer.SECRET_KEY);

    S3Settings notUrl =
        new S3Settings("not a url", good.bucket(), "", good.accessKey(), good.secretKey());
    assertThatThrownBy(() -> S3Store.open(notUrl, new Retry(1, 0, AlcoveLog.SILENT)))
        .hasMessageContaining("is not a URL");
  }

  @Test
  void manyObjectsAreLookedUpByListingAndAStoreFarLargerFallsBackToAskingEach() throws Exception {
    java.util.List<Checksum> stored = new java.util.ArrayList<>();
    try (S3Store store =
        S3Store.open(server.settings("many/objects"), Retry.standard(AlcoveLog.SILENT))) {
      for (int i = 0; i < 300; i++) {
        Path file = dir.resolve("object-" + i);
        Files.writeString(file, "object " + i);
        Checksum sum = Sha256.ofFile(file);
        store.upload(sum, file, TransferProgress.NONE);
        stored.add(sum);
      }
      java.util.List<Checksum> absent = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        absent.add(Sha256.ofBytes(("absent " + i).getBytes()));
      }
      // 100 asked of 300 stored: the listing (at most 400 keys) sees everything
      java.util.List<Checksum> asked = new java.util.ArrayList<>(stored.subList(0, 70));
      asked.addAll(absent);
      assertThat(store.present(asked, ThreadBudget.of(4)))
          .containsExactlyInAnyOrderElementsOf(stored.subList(0, 70));
      // 64 asked of 300 stored: the listing stops at 256 keys, the rest are asked one by one
      java.util.List<Checksum> few = new java.util.ArrayList<>(stored.subList(260, 300));
      few.addAll(absent.subList(0, 24));
      assertThat(store.present(few, ThreadBudget.of(4)))
          .containsExactlyInAnyOrderElementsOf(stored.subList(260, 300));
    }
    // a key outside the layout, or under another prefix, is not taken for an object
    try (S3Store other = S3Store.open(server.settings("many"), Retry.standard(AlcoveLog.SILENT))) {
      java.util.List<Checksum> asked = new java.util.ArrayList<>(stored.subList(0, 64));
      assertThat(other.present(asked, ThreadBudget.of(4))).isEmpty();
    }
  }

  @Test
  void depotRefusesACorruptStoredObjectAndRepairsACorruptCachedOne() throws Exception {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "a,b\n1,2\n");
    Checksum sum = Sha256.ofFile(file);
    LocalDirectoryStore cache = new LocalDirectoryStore(dir.resolve("cache"), "cache");
    try (Depot depot =
        new Depot(
            S3Store.open(server.settings("corrupt"), Retry.standard(AlcoveLog.SILENT)),
            Optional.of(cache),
            AlcoveLog.SILENT)) {
      depot.putAll(java.util.Map.of(sum, file), ThreadBudget.sequential(), TransferProgress.NONE);
      assertThat(cache.contains(sum)).isFalse();
      Path target = dir.resolve("restored.csv");
      depot.fetch(sum, target, "snapshot://x/2024-01-01", TransferProgress.NONE);
      assertThat(cache.contains(sum)).isTrue();

      Files.writeString(cache.pathOf(sum), "a,b\n1,3\n");
      Files.delete(target);
      depot.fetch(sum, target, "snapshot://x/2024-01-01", TransferProgress.NONE);
      assertThat(target).hasContent("a,b\n1,2\n");
      assertThat(cache.pathOf(sum)).hasContent("a,b\n1,2\n");

      Files.delete(cache.pathOf(sum));
      Files.writeString(server.objectFile("corrupt/" + ObjectKeys.relativeKey(sum)), "a,b\n9,9\n");
      Files.writeString(target, "local copy");
      assertThatThrownBy(
              () ->
                  depot.fetch(
                      sum, target, "snapshot snapshot://x/2024-01-01", TransferProgress.NONE))
          .isInstanceOf(AlcoveException.class)
          .hasMessageContaining("is corrupt")
          .hasMessageContaining(ObjectKeys.relativeKey(sum))
          .hasMessageContaining("snapshot://x/2024-01-01");
      assertThat(target).hasContent("local copy");
      assertThat(cache.contains(sum)).isFalse();
    }
  }

  @Test
  void theCacheIsFilledAsRangesLandAndKeepsNothingOfACorruptDownload() throws Exception {
    Path file = dir.resolve("big.bin");
    byte[] bytes = writeRandom(file, S3Store.PART_SIZE * 2 + 12345, 11);
    Checksum sum = Sha256.ofBytes(bytes);
    Path empty = Files.createFile(dir.resolve("empty.bin"));
    Checksum emptySum = Sha256.ofFile(empty);
    LocalDirectoryStore cache = LocalDirectoryStore.cache(dir.resolve("cache"));
    try (Depot depot =
        new Depot(
            S3Store.open(server.settings("ranges"), Retry.standard(AlcoveLog.SILENT)),
            Optional.of(cache),
            AlcoveLog.SILENT)) {
      depot.putAll(
          java.util.Map.of(sum, file, emptySum, empty), ThreadBudget.of(2), TransferProgress.NONE);
      assertThat(cache.contains(sum)).isFalse();

      Path restored = dir.resolve("restored.bin");
      fetchInRanges(depot, sum, restored);
      assertThat(Sha256.ofFile(restored)).isEqualTo(sum);
      assertThat(Sha256.ofFile(cache.pathOf(sum))).isEqualTo(sum);
      Path restoredEmpty = dir.resolve("restored-empty.bin");
      fetchInRanges(depot, emptySum, restoredEmpty);
      assertThat(restoredEmpty).isEmptyFile();
      assertThat(cache.pathOf(emptySum)).isEmptyFile();

      // The last range damaged on the server: every range lands in the cache's copy before the
      // checksum is known, and none of it may stay.
      bytes[bytes.length - 1] ^= 1;
      Files.write(server.objectFile("ranges/" + ObjectKeys.relativeKey(sum)), bytes);
      cache.evict(sum);
      assertThatThrownBy(() -> fetchInRanges(depot, sum, restored))
          .isInstanceOf(AlcoveException.class)
          .hasMessageContaining("is corrupt");
      assertThat(cache.contains(sum)).isFalse();
      try (var left = Files.list(cache.pathOf(sum).getParent())) {
        assertThat(left).isEmpty();
      }
      assertThat(Sha256.ofFile(restored)).isEqualTo(sum);
    }
  }

  /** A snapshot's object fetched through the depot, a large one in ranges on three threads. */
  private static void fetchInRanges(Depot depot, Checksum sum, Path target) {
    depot.fetch(
        sum,
        target,
        "snapshot://big/2024-01-01",
        "snapshot it again",
        TransferProgress.NONE,
        ThreadBudget.of(3));
  }

  /** Writes {@code size} random bytes to {@code file}, the same ones for the same {@code seed}. */
  private static byte[] writeRandom(Path file, long size, long seed) throws java.io.IOException {
    byte[] bytes = new byte[(int) size];
    new Random(seed).nextBytes(bytes);
    Files.write(file, bytes);
    return bytes;
  }
}
