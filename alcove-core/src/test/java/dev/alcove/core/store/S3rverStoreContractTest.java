package dev.alcove.core.store;

import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Settings;
import dev.alcove.core.store.s3.S3Store;
import dev.alcove.core.testing.S3rverServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/** The contract against s3rver (Node.js), where {@code .ci/run} could install it. */
@Tag("reliability")
class S3rverStoreContractTest extends StoreContract {

  private S3rverServer server;

  @Override
  ObjectStore open() throws Exception {
    server = S3rverServer.startOrSkip(dir.resolve("s3rver"));
    return S3Store.open(
        new S3Settings(
            server.endpoint(),
            S3rverServer.BUCKET,
            "team",
            S3rverServer.ACCESS_KEY,
            S3rverServer.SECRET_KEY),
        Retry.standard(AlcoveLog.SILENT));
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }
}
