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
  private final boolean hasS3a;

  private SparkConnectTestServer(int port, Process process, boolean hasS3a) {
    this.port = port;
    this.process = process;
    this.hasS3a = hasS3a;
  }

  public String remote() {
    return "sc://127.0.0.1:" + port;
  }

  /**
   * The server, started on first use from the class path the test server module wrote (the system
   * property {@code alcove.spark.server.classpath} names its file); skips the calling test where it
   * cannot start.
   */
  public static synchronized SparkConnectTestServer get() {
    if (started == null && failed == null) {
      // A missing class path is the build's mistake, not this machine's limit: it fails, so that
      // a wiring change cannot turn every Spark test into a skip unseen.
      List<Path> jars = classPath();
      try {
        started = start(jars);
      } catch (IOException | InterruptedException e) {
        failed = e.getMessage();
      }
    }
    Assumptions.assumeTrue(failed == null, () -> "no Spark Connect server: " + failed);
    return started;
  }

  /**
   * Whether the server can reach a store in a bucket: S3A and the AWS SDK are on its class path.
   */
  public boolean hasS3a() {
    return hasS3a;
  }

  /**
   * The server's jars: Spark's first, then S3A's, where present: the AWS SDK's bundle carries its
   * own Netty and SLF4J, which must not hide Spark's, as {@code --packages} would put them too.
   */
  private static List<Path> classPath() {
    Path file = Path.of(System.getProperty("alcove.spark.server.classpath", "missing"));
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "the Spark test server's class path is not at "
              + file
              + ": build alcove-spark-test-server with its tests first (-am), which writes it");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return java.util.Arrays.stream(text.strip().split(java.io.File.pathSeparator))
        .filter(jar -> !jar.isBlank())
        .map(Path::of)
        .sorted(java.util.Comparator.comparing(SparkConnectTestServer::isS3a))
        .toList();
  }

  private static boolean isS3a(Path jar) {
    String name = jar.getFileName().toString();
    return name.startsWith("bundle-") || name.startsWith("hadoop-aws-");
  }

  private static SparkConnectTestServer start(List<Path> jars)
      throws IOException, InterruptedException {
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
            // S3A must never ask a cloud's metadata address for credentials from a test.
            "-Daws.disableEc2Metadata=true",
            "-Dspark.ui.enabled=false",
            "-Dspark.driver.host=127.0.0.1",
            "-Dspark.driver.bindAddress=127.0.0.1",
            "-Dspark.sql.shuffle.partitions=2",
            "-Dspark.local.dir=" + work,
            "-Dspark.sql.warehouse.dir=" + work.resolve("warehouse"),
            "-Dspark.connect.grpc.binding.address=127.0.0.1",
            "-Dspark.connect.grpc.binding.port=" + port,
            "-cp",
            String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList()),
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
        return new SparkConnectTestServer(
            port, process, jars.stream().anyMatch(SparkConnectTestServer::isS3a));
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
