package dev.alcove.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * s3rver, an independent S3 server written for Node.js, run as a child process on loopback: it
 * checks every signature with its own code (account {@code S3RVER}). {@code .ci/run} installs it
 * into {@code .ci/node} from the npm registry where {@code npm} exists; tests that need it are
 * skipped, saying so, where it is not installed.
 */
public final class S3rverServer implements AutoCloseable {

  public static final String ACCESS_KEY = "S3RVER";
  public static final String SECRET_KEY = "S3RVER";
  public static final String BUCKET = "alcove-bucket";

  private final Process process;
  private final int port;

  private S3rverServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Where {@code .ci/run} installs s3rver, from the module's folder or the repository's. */
  static Optional<Path> installed() {
    for (String base : List.of("..", ".")) {
      Path script = Path.of(base, ".ci/node/node_modules/s3rver/bin/s3rver.js").toAbsolutePath();
      if (Files.isRegularFile(script)) {
        return Optional.of(script.normalize());
      }
    }
    return Optional.empty();
  }

  /** Starts s3rver, or skips the calling test when node or s3rver is not installed. */
  public static S3rverServer startOrSkip(Path dataDir) throws Exception {
    Optional<Path> script = installed();
    Assumptions.assumeTrue(
        script.isPresent(), "s3rver is not installed: .ci/run installs it with npm into .ci/node");
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Files.createDirectories(dataDir);
    Process process =
        new ProcessBuilder(
                "node",
                script.get().toString(),
                "-d",
                dataDir.toString(),
                "-a",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-s",
                "--no-vhost-buckets",
                "--configure-bucket",
                BUCKET)
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolveSibling("s3rver.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return new S3rverServer(process, port);
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException(
              "s3rver did not start: " + Files.readString(dataDir.resolveSibling("s3rver.log")));
        }
        Thread.sleep(50);
      }
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
