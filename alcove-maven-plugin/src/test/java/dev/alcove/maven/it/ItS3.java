package dev.alcove.maven.it;

import dev.alcove.core.testing.S3TestServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * S3 servers for the invoker ITs, one per IT folder, started and stopped by their hook scripts,
 * which run in the JVM that runs the invoker (ITs run two at a time). The keys match the {@code
 * alcove-it} server of {@code src/it/settings.xml}, whose password is encrypted with {@code
 * src/it/settings-security.xml}.
 */
public final class ItS3 {

  public static final String ACCESS_KEY = "alcove-it-access";
  public static final String SECRET_KEY = "alcove-it-SECRET-4d2e9b";

  private static final Map<File, S3TestServer> SERVERS = new HashMap<>();

  private ItS3() {}

  /**
   * Starts a server for the IT in {@code basedir} and writes a {@code .env} naming it (bucket and
   * endpoint, no keys) into each of the folders {@code alcoves}.
   */
  public static synchronized String start(File basedir, String... alcoves) throws Exception {
    stop(basedir);
    S3TestServer server =
        S3TestServer.start(basedir.toPath().resolve("s3-blobs"), ACCESS_KEY, SECRET_KEY);
    SERVERS.put(basedir, server);
    String env =
        "S3_BUCKET_NAME=" + S3TestServer.BUCKET + "\nS3_ENDPOINT_URL=" + server.endpoint() + "\n";
    for (String alcove : alcoves) {
      Path folder = basedir.toPath().resolve(alcove);
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(".env"), env);
    }
    return server.endpoint();
  }

  /** Adds the keys to the {@code .env} of {@code alcove}, as a user keeping them there would. */
  public static void writeKeysToDotEnv(File basedir, String alcove) throws Exception {
    Path env = basedir.toPath().resolve(alcove).resolve(".env");
    Files.writeString(
        env,
        Files.readString(env)
            + "S3_ACCESS_KEY="
            + ACCESS_KEY
            + "\nS3_SECRET_KEY="
            + SECRET_KEY
            + "\n");
  }

  public static synchronized void stop(File basedir) throws Exception {
    S3TestServer server = SERVERS.remove(basedir);
    if (server != null) {
      server.close();
    }
  }
}
