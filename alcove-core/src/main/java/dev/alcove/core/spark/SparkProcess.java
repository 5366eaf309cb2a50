package dev.alcove.core.spark;

import dev.alcove.core.errors.AlcoveException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Spark session held by a worker process: a JVM of its own that runs the Spark Connect client
 * ({@code alcove-spark}'s {@code SparkWorker}). The client's libraries never meet the build's, it
 * gets the JVM options Arrow needs to read results (which Maven's JVM does not have), and a goal
 * that runs no Spark step starts nothing. The token reaches the worker through its standard input,
 * never its command line.
 */
public final class SparkProcess implements SparkSql {

  /** The worker's main class, in {@code alcove-spark}. */
  public static final String WORKER = "dev.alcove.spark.SparkWorker";

  /** What the client needs of JDK 17: Arrow reads buffers' addresses, gRPC's Netty its channels. */
  static final List<String> JVM_OPTIONS =
      List.of(
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "-Dio.netty.tryReflectionSetAccessible=true");

  private final Process process;
  private final BufferedReader replies;
  private final Writer requests;
  private final SparkSettings settings;
  private final Path log;
  private final String version;

  private SparkProcess(Process process, SparkSettings settings, Path log, Duration connectTimeout) {
    this.process = process;
    this.settings = settings;
    this.log = log;
    this.replies =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    List<String> connected;
    try {
      connected = call(List.of("connect", settings.connectionString()), connectTimeout);
    } catch (AlcoveException e) {
      process.destroyForcibly();
      throw new AlcoveException(
          "cannot reach the Spark Connect server at " + settings.describe() + ": " + e.getMessage(),
          e);
    }
    this.version = connected.get(0);
  }

  /**
   * Starts a worker on {@code classPath} (the client, {@code alcove-spark} and alcove's core) and
   * connects it; its own messages go to {@code log}.
   */
  public static SparkProcess start(
      List<Path> classPath, SparkSettings settings, Path log, Duration connectTimeout) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(
        String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
    command.add(WORKER);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
      return new SparkProcess(process, settings, log, connectTimeout);
    } catch (IOException e) {
      throw new AlcoveException("cannot start the Spark worker: " + e.getMessage(), e);
    }
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public void view(
      String name, List<String> locations, String format, Map<String, String> options) {
    List<String> request =
        new ArrayList<>(List.of("view", name, format, String.valueOf(locations.size())));
    request.addAll(locations);
    options.forEach(
        (key, value) -> {
          request.add(key);
          request.add(value);
        });
    call(request, null);
  }

  @Override
  public SparkSettings settings() {
    return settings;
  }

  @Override
  public void configure(Map<String, String> values) {
    List<String> request = new ArrayList<>(List.of("configure"));
    values.forEach(
        (key, value) -> {
          request.add(key);
          request.add(value);
        });
    call(request, null);
  }

  @Override
  public void execute(String statement) {
    call(List.of("execute", statement), null);
  }

  @Override
  public Written write(String query, String location) {
    List<String> reply = call(List.of("write", query, location), null);
    LinkedHashMap<String, String> schema = new LinkedHashMap<>();
    for (int i = 1; i + 1 < reply.size(); i += 2) {
      schema.put(reply.get(i), reply.get(i + 1));
    }
    return new Written(schema, Long.parseLong(reply.get(0)));
  }

  @Override
  public long count(String query) {
    return Long.parseLong(call(List.of("count", query), null).get(0));
  }

  @Override
  public List<Map<String, String>> rows(String query, int limit) {
    List<String> reply = call(List.of("rows", query, String.valueOf(limit)), null);
    int columns = Integer.parseInt(reply.get(0));
    List<String> names = reply.subList(1, 1 + columns);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1 + columns; i + columns <= reply.size(); i += columns) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < columns; c++) {
        row.put(names.get(c), reply.get(i + c));
      }
      rows.add(row);
    }
    return rows;
  }

  @Override
  public void close() {
    try {
      requests.write(WireFormat.encode(List.of("close")) + "\n");
      requests.flush();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sends one request and waits for its reply: {@code ok} and its fields, or {@code error} and
   * Spark's message, which becomes the exception's. {@code timeout} bounds the wait, if given.
   */
  private synchronized List<String> call(List<String> request, Duration timeout) {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    String line;
    try {
      requests.write(WireFormat.encode(request) + "\n");
      requests.flush();
      line = readLine(deadline);
    } catch (IOException e) {
      line = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new AlcoveException("interrupted while Spark worked");
    }
    if (line == null) {
      throw new AlcoveException(
          timeout != null && System.nanoTime() > deadline
              ? "no answer within "
                  + timeout.toSeconds()
                  + " s (is the server up, and the address right?)"
              : "the Spark worker ended" + lastLineOfLog() + " (see " + log + ")");
    }
    List<String> reply = WireFormat.decode(line);
    if (reply.get(0).equals("error")) {
      throw new AlcoveException(withoutToken(reply.get(1)));
    }
    return reply.subList(1, reply.size());
  }

  private String readLine(long deadline) throws IOException, InterruptedException {
    while (!replies.ready()) {
      if (!process.isAlive()) {
        return replies.readLine();
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        return null;
      }
      Thread.sleep(20);
    }
    return replies.readLine();
  }

  private String lastLineOfLog() {
    try {
      List<String> lines =
          Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank() && !l.startsWith("\t") && !l.startsWith(" "))
              .toList();
      return lines.isEmpty() ? "" : ": " + withoutToken(lines.get(lines.size() - 1).strip());
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** A message with the token, should Spark echo the connection string, blanked out. */
  private String withoutToken(String message) {
    String text = message == null ? "" : message;
    return settings.token().map(t -> text.replace(t, "***")).orElse(text);
  }
}
