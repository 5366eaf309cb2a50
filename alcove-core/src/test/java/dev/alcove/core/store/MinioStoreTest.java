package dev.alcove.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Settings;
import dev.alcove.core.store.s3.S3Store;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The S3 adapter against a real MinIO server in a container. Runs where a Docker engine exists (CI
 * runners); skipped cleanly where none does.
 */
@Tag("reliability")
@Testcontainers(disabledWithoutDocker = true)
class MinioStoreTest {

  @Container
  static final MinIOContainer MINIO =
      new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z");

  @TempDir Path dir;

  @BeforeAll
  static void createBucket() throws Exception {
    try (MinioClient client =
        MinioClient.builder()
            .endpoint(MINIO.getS3URL())
            .credentials(MINIO.getUserName(), MINIO.getPassword())
            .build()) {
      client.makeBucket(MakeBucketArgs.builder().bucket("alcove").build());
    }
  }

  private static S3Settings settings(String secret) {
    return new S3Settings(MINIO.getS3URL(), "alcove", "prefix", MINIO.getUserName(), secret);
  }

  @Test
  void roundTripsSmallAndMultipartObjects() throws Exception {
    byte[] bytes = new byte[(int) (S3Store.PART_SIZE + 1000)];
    new Random(3).nextBytes(bytes);
    Path file = dir.resolve("big.bin");
    Files.write(file, bytes);
    Checksum sum = Sha256.ofBytes(bytes);
    try (S3Store store =
        S3Store.open(settings(MINIO.getPassword()), Retry.standard(AlcoveLog.SILENT))) {
      store.put(sum, file, TransferProgress.NONE);
      assertThat(store.contains(sum)).isTrue();
      Path back = dir.resolve("back.bin");
      store.get(sum, back, TransferProgress.NONE);
      assertThat(Sha256.ofFile(back)).isEqualTo(sum);
    }
  }

  @Test
  void wrongSecretIsRefused() {
    assertThatThrownBy(
            () -> S3Store.open(settings("not-the-password"), new Retry(1, 0, AlcoveLog.SILENT)))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("S3 refused the credentials")
        .hasMessageNotContaining("not-the-password");
  }
}
