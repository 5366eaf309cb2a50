package dev.alcove.core.spark;

import dev.alcove.core.io.StateFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A Spark session that connects only when it must: the server's version, which every Spark table's
 * cache key holds, is answered from the build state ({@code target/alcove/spark.tsv}, the version
 * each server reported when it last built here), so that planning a run, or a run with nothing to
 * do, starts no worker and asks no server. A server upgraded since is found when it next builds:
 * its new version is recorded then, and the next run rebuilds what it keys.
 */
public final class RecordedVersionSpark implements SparkSql {

  public static final String FILE_NAME = "spark.tsv";
  private static final String HEADER = "# alcove spark servers v1: address, version";

  private final SparkSettings settings;
  private final Supplier<SparkSql> connect;
  private final Path file;
  private SparkSql session;

  public RecordedVersionSpark(SparkSettings settings, Supplier<SparkSql> connect, Path buildDir) {
    this.settings = settings;
    this.connect = connect;
    this.file = buildDir.resolve(FILE_NAME);
  }

  @Override
  public synchronized String version() {
    String recorded = recorded().get(settings.remote());
    return recorded != null ? recorded : session().version();
  }

  @Override
  public void view(
      String name, List<String> locations, String format, Map<String, String> options) {
    session().view(name, locations, format, options);
  }

  @Override
  public SparkSettings settings() {
    return settings;
  }

  @Override
  public void configure(Map<String, String> values) {
    session().configure(values);
  }

  @Override
  public void execute(String statement) {
    session().execute(statement);
  }

  @Override
  public Written write(String query, String location) {
    return session().write(query, location);
  }

  @Override
  public long count(String query) {
    return session().count(query);
  }

  @Override
  public List<Map<String, String>> rows(String query, int limit) {
    return session().rows(query, limit);
  }

  @Override
  public synchronized void close() {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  private synchronized SparkSql session() {
    if (session == null) {
      session = connect.get();
      Map<String, String> versions = new java.util.TreeMap<>(recorded());
      if (!session.version().equals(versions.put(settings.remote(), session.version()))) {
        List<String> lines =
            versions.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList();
        StateFile.write(file, HEADER, lines);
      }
    }
    return session;
  }

  private Map<String, String> recorded() {
    return StateFile.<String, String>read(file, 2, (parts, rows) -> rows.put(parts[0], parts[1]));
  }
}
