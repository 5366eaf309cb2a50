package dev.alcove.core.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.testing.LandedRangesRecord;
import dev.alcove.core.testing.LoopbackProxy;
import dev.alcove.core.testing.RecordingLog;
import dev.alcove.core.testing.S3TestServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multipart upload whose second part fails once sends that part again, and only that part, with
 * parts going up at once.
 */
class MultipartRetryTest {

  @TempDir Path dir;

  @Test
  void aFailedPartIsRetriedAloneNotTheWholeUpload() throws Exception {
    AtomicInteger firstParts = new AtomicInteger();
    AtomicInteger secondParts = new AtomicInteger();
    byte[] bytes = new byte[(11 << 20) + 123];
    new Random(11).nextBytes(bytes);
    Path file = dir.resolve("big.bin");
    Files.write(file, bytes);
    Checksum sum = Sha256.ofFile(file);
    try (S3TestServer server = S3TestServer.start(dir.resolve("s3"));
        LoopbackProxy proxy =
            new LoopbackProxy(
                URI.create(server.endpoint()).getPort(),
                (connection, head) -> {
                  String line = head.lines().findFirst().orElse("");
                  if (line.startsWith("PUT") && line.contains("partNumber=1&")) {
                    firstParts.incrementAndGet();
                  }
                  if (line.startsWith("PUT")
                      && line.contains("partNumber=2&")
                      && secondParts.getAndIncrement() == 0) {
                    return LoopbackProxy.Verdict.answer(
                        LoopbackProxy.s3Error(
                            500, "Internal Server Error", "InternalError", "failed on purpose"));
                  }
                  return LoopbackProxy.Verdict.pass();
                })) {
      RecordingLog log = new RecordingLog();
      S3Client client =
          new S3Client(
              URI.create(proxy.endpoint()),
              S3TestServer.BUCKET,
              S3TestServer.ACCESS_KEY,
              S3TestServer.SECRET_KEY);
      client.put(
          "big",
          file,
          bytes.length,
          sum.hex(),
          5L << 20,
          TransferProgress.NONE,
          new Retry(3, 10, log),
          dev.alcove.core.concurrent.ThreadBudget.of(3));

      assertThat(firstParts.get()).isEqualTo(1);
      assertThat(secondParts.get()).isEqualTo(2);
      assertThat(log.warnings)
          .singleElement()
          .asString()
          .startsWith("S3: upload part 2 of big failed");
      assertThat(Sha256.ofFile(server.objectFile("big"))).isEqualTo(sum);
    }
  }

  @Test
  void aLargeObjectComesDownInRangesAndAFailedRangeIsFetchedAgainAlone() throws Exception {
    byte[] bytes = new byte[(11 << 20) + 5];
    new Random(13).nextBytes(bytes);
    Path file = dir.resolve("big.bin");
    Files.write(file, bytes);
    Checksum sum = Sha256.ofFile(file);
    java.util.List<String> ranges =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    AtomicInteger middle = new AtomicInteger();
    try (S3TestServer server = S3TestServer.start(dir.resolve("s3"))) {
      new S3Client(
              URI.create(server.endpoint()),
              S3TestServer.BUCKET,
              S3TestServer.ACCESS_KEY,
              S3TestServer.SECRET_KEY)
          .put(
              "big",
              file,
              bytes.length,
              sum.hex(),
              64L << 20,
              TransferProgress.NONE,
              new Retry(1, 10, new RecordingLog()),
              dev.alcove.core.concurrent.ThreadBudget.of(1));
      try (LoopbackProxy proxy =
          new LoopbackProxy(
              URI.create(server.endpoint()).getPort(),
              (connection, head) -> {
                java.util.Optional<String> range = LoopbackProxy.header(head, "Range");
                range.ifPresent(ranges::add);
                if (range.orElse("").startsWith("bytes=5242880-")
                    && middle.getAndIncrement() == 0) {
                  return LoopbackProxy.Verdict.cutAfter(300);
                }
                return LoopbackProxy.Verdict.pass();
              })) {
        RecordingLog log = new RecordingLog();
        LandedRangesRecord landed = new LandedRangesRecord();
        Path target = dir.resolve("back.bin");
        Checksum back =
            new S3Client(
                    URI.create(proxy.endpoint()),
                    S3TestServer.BUCKET,
                    S3TestServer.ACCESS_KEY,
                    S3TestServer.SECRET_KEY)
                .getInRanges(
                    "big",
                    target,
                    TransferProgress.NONE,
                    5L << 20,
                    dev.alcove.core.concurrent.ThreadBudget.of(3),
                    new Retry(3, 10, log),
                    landed);

        assertThat(back).isEqualTo(sum);
        assertThat(Files.mismatch(file, target)).isEqualTo(-1L);
        landed.assertTiles(bytes.length);
        assertThat(ranges)
            .containsExactlyInAnyOrder(
                "bytes=0-5242879",
                "bytes=5242880-10485759",
                "bytes=5242880-10485759",
                "bytes=10485760-11534340");
        assertThat(log.warnings)
            .singleElement()
            .asString()
            .startsWith("S3: download bytes 5242880-");
      }
    }
  }
}
