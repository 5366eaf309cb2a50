package dev.alcove.core.store;

import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Settings;
import dev.alcove.core.store.s3.S3Store;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The contract against MinIO in a container, where a Docker engine exists; skipped elsewhere. */
@Tag("reliability")
@Testcontainers(disabledWithoutDocker = true)
class MinioStoreContractTest extends StoreContract {

  @Container
  static final MinIOContainer MINIO =
      new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z");

  @Override
  ObjectStore open() throws Exception {
    String bucket = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    try (MinioClient client =
        MinioClient.builder()
            .endpoint(MINIO.getS3URL())
            .credentials(MINIO.getUserName(), MINIO.getPassword())
            .build()) {
      client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    }
    return S3Store.open(
        new S3Settings(MINIO.getS3URL(), bucket, "team", MINIO.getUserName(), MINIO.getPassword()),
        Retry.standard(AlcoveLog.SILENT));
  }
}
