package dev.alcove.core.store;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Store;
import dev.alcove.core.testing.S3TestServer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The contract against S3Proxy, a real S3 server in this JVM, under a key prefix. */
class S3StoreContractTest extends StoreContract {

  private S3TestServer server;

  @Override
  ObjectStore open() throws Exception {
    server = S3TestServer.start(dir.resolve("s3"));
    return S3Store.open(server.settings("team/lake"), Retry.standard(AlcoveLog.SILENT));
  }

  @Override
  Optional<Path> fileOf(Checksum checksum) {
    return Optional.of(server.objectFile("team/lake/" + ObjectKeys.relativeKey(checksum)));
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }
}
