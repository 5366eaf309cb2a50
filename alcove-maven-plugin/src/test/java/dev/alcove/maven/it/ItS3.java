package dev.alcove.maven.it;

import dev.alcove.core.testing.S3TestServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An S3 server for the invoker ITs, started and stopped by their hook scripts, which run in the JVM
 * that runs the invoker. The keys match the {@code alcove-it} server of {@code
 * src/it/settings.xml}, whose password is encrypted with {@code src/it/settings-security.xml}.
 */
public final class ItS3 {

  public static final String ACCESS_KEY = "alcove-it-access";
  public static final String SECRET_KEY = "alcove-it-SECRET-4d2e9b";

  private static S3TestServer server;

  private ItS3() {}

  /**
   * Starts the server and writes a {@code .env} naming it (bucket and endpoint, no keys) into each
   * folder.
   */
  public static synchronized String start(File basedir, String... alcoves) throws Exception {
    stop();
    server = S3TestServer.start(basedir.toPath().resolve("s3-blobs"), ACCESS_KEY, SECRET_KEY);
    String env =
        "S3_BUCKET_NAME=" + S3TestServer.BUCKET + "\nS3_ENDPOINT_URL=" + server.endpoint() + "\n";
    for (String alcove : alcoves) {
      Path folder = basedir.toPath().resolve(alcove);
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(".env"), env);
    }
    return server.endpoint();
  }

  public static synchronized void stop() throws Exception {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
