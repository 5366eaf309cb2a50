package dev.alcove.core.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Spark Connect server (4.0.1, from Central) on loopback, started once for the tests of this
 * JVM in a JVM of its own, with the options Spark's own launcher gives JDK 17. Where it cannot
 * start (its jars not copied, too little memory), the tests that need it are skipped, saying why.
 */
public final class SparkConnectTestServer {

  /** What Spark's launcher opens on JDK 17 ({@code JavaModuleOptions}). */
  private static final List<String> JDK_OPTIONS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true");

  private static final long START_SECONDS = 240;
  private static SparkConnectTestServer started;
  private static String failed;

  public final int port;
  private final Process process;

  private SparkConnectTestServer(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  public String remote() {
    return "sc://127.0.0.1:" + port;
  }

  /**
   * The server, started on first use from the jars the test server module copied (the system
   * property {@code alcove.spark.server.lib} names their folder); skips the calling test where it
   * cannot start.
   */
  public static SparkConnectTestServer get() {
    return get(Path.of(System.getProperty("alcove.spark.server.lib", "missing")));
  }

  /** As above, from the jars in {@code lib}. */
  public static synchronized SparkConnectTestServer get(Path lib) {
    if (started == null && failed == null) {
      try {
        started = start(lib);
      } catch (IOException | InterruptedException e) {
        failed = e.getMessage();
      }
    }
    Assumptions.assumeTrue(failed == null, () -> "no Spark Connect server: " + failed);
    return started;
  }

  private static SparkConnectTestServer start(Path lib) throws IOException, InterruptedException {
    if (!Files.isDirectory(lib)) {
      throw new IOException("its jars are not at " + lib + " (the test server module copies them)");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path work = Files.createTempDirectory("spark-connect-test");
    Path log = work.resolve("server.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JDK_OPTIONS);
    command.addAll(
        List.of(
            "-Xmx1g",
            "-Djava.io.tmpdir=" + work,
            "-Dspark.master=local[2]",
            "-Dspark.ui.enabled=false",
            "-Dspark.driver.host=127.0.0.1",
            "-Dspark.driver.bindAddress=127.0.0.1",
            "-Dspark.sql.shuffle.partitions=2",
            "-Dspark.local.dir=" + work,
            "-Dspark.sql.warehouse.dir=" + work.resolve("warehouse"),
            "-Dspark.connect.grpc.binding.address=127.0.0.1",
            "-Dspark.connect.grpc.binding.port=" + port,
            "-cp",
            lib + "/*",
            "org.apache.spark.sql.connect.service.SparkConnectServer"));
    Process process =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    long deadline = System.nanoTime() + START_SECONDS * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      if (text.contains("Spark Connect server started")) {
        return new SparkConnectTestServer(port, process);
      }
      if (!process.isAlive()) {
        throw new IOException("it ended at once; see " + log);
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IOException("it did not start within " + START_SECONDS + " s; see " + log);
  }
}
