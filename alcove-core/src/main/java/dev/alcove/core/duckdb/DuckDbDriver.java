package dev.alcove.core.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The DuckDB JDBC driver, loaded once per JVM so that its native library is not unpacked again on
 * every run. Left to itself, the driver copies its 70 MB library out of its jar into a new
 * temporary file each time a JVM first opens DuckDB, which is most of a second of every {@code
 * alcove:run}. Here the library is unpacked once per DuckDB build into {@code
 * ~/.cache/alcove-native/} (a folder named after the library's CRC and size, written to a temporary
 * file and moved into place, so two builds starting at once, or a new DuckDB version, each find a
 * whole library of their own), and the driver is loaded by a class loader that hides the packed
 * library and names the unpacked one, which the driver then loads as it would one from {@code
 * java.library.path}. Anything unexpected (no jar, a read-only home) falls back to the driver's own
 * loading.
 */
final class DuckDbDriver {

  private static final String LIBRARY = "duckdb_java";
  private static final String PACKED_PREFIX = "libduckdb_java.so_";

  private static volatile Driver driver;

  private DuckDbDriver() {}

  static Connection connect(String url, Properties properties) throws SQLException {
    Connection connection = driver().connect(url, properties);
    if (connection == null) {
      throw new SQLException("the DuckDB driver does not accept " + url);
    }
    return connection;
  }

  /**
   * Loads the driver and its library on one of {@code threads}, so that the work before the first
   * connection (planning, a Java step's JVM) hides the half second it takes.
   */
  static void preload(java.util.concurrent.Executor threads) {
    if (driver != null) {
      return;
    }
    threads.execute(
        () -> {
          try {
            driver();
          } catch (SQLException | RuntimeException e) {
            // The first real connection reports it.
          }
        });
  }

  private static Driver driver() throws SQLException {
    Driver loaded = driver;
    if (loaded == null) {
      synchronized (DuckDbDriver.class) {
        loaded = driver;
        if (loaded == null) {
          loaded = load();
          driver = loaded;
        }
      }
    }
    return loaded;
  }

  private static Driver load() throws SQLException {
    try {
      Path jar = driverJar();
      Path library = unpacked(jar);
      ClassLoader loader =
          new URLClassLoader(
              new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader()) {
            @Override
            public URL getResource(String name) {
              return name.startsWith(PACKED_PREFIX) ? null : super.getResource(name);
            }

            @Override
            protected String findLibrary(String name) {
              return name.equals(LIBRARY) ? library.toString() : null;
            }
          };
      Driver isolated =
          (Driver)
              loader.loadClass("org.duckdb.DuckDBDriver").getDeclaredConstructor().newInstance();
      // The library loads on the first connection: a failure must surface here, not later.
      isolated.connect("jdbc:duckdb:", new Properties()).close();
      return isolated;
    } catch (Exception | LinkageError e) {
      return DriverManager.getDriver("jdbc:duckdb:");
    }
  }

  /** The jar the driver class comes from on this class path. */
  private static Path driverJar() throws Exception {
    URL driverClass =
        DuckDbDriver.class.getClassLoader().getResource("org/duckdb/DuckDBDriver.class");
    if (driverClass == null || !driverClass.getProtocol().equals("jar")) {
      throw new IllegalStateException("DuckDB is not in a jar: " + driverClass);
    }
    String path = driverClass.getPath();
    return Path.of(new URI(path.substring(0, path.indexOf("!/"))));
  }

  /** The library for this platform, unpacked from {@code jar} once. */
  private static Path unpacked(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(PACKED_PREFIX + platform());
      if (entry == null || entry.getSize() <= 0) {
        throw new IOException("no DuckDB library for " + platform() + " in " + jar);
      }
      Path cache = Path.of(System.getProperty("user.home"), ".cache", "alcove-native");
      Path folder =
          cache.resolve(
              String.format(Locale.ROOT, "duckdb-%08x-%d", entry.getCrc(), entry.getSize()));
      Path library = folder.resolve(System.mapLibraryName(LIBRARY));
      if (Files.isRegularFile(library) && Files.size(library) == entry.getSize()) {
        return library;
      }
      // Only where a library is unpacked, off the path of every run: an unpack cut short by a
      // kill leaves its copy, and the next unpack sweeps it.
      removeLeftovers(cache, Instant.now());
      Files.createDirectories(folder);
      Path temp = folder.resolve(library.getFileName() + TEMP_MARKER + UUID.randomUUID());
      // The unpacking runs on a daemon thread that a run stopping early cuts short.
      temp.toFile().deleteOnExit();
      try (InputStream in = zip.getInputStream(entry)) {
        Files.copy(in, temp);
        Files.move(
            temp, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
      return library;
    }
  }

  private static final String TEMP_MARKER = ".tmp-";

  /** A copy older than this is no other JVM's work in progress: unpacking takes a second. */
  static final Duration ABANDONED = Duration.ofMinutes(10);

  /**
   * Deletes the partial copies that JVMs killed while unpacking left under {@code cache} (a kill -9
   * runs no exit hook); copies still being written by another JVM are younger and are kept.
   */
  static void removeLeftovers(Path cache, Instant now) {
    if (!Files.isDirectory(cache, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.walk(cache, 2)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().contains(TEMP_MARKER)
            && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(ABANDONED))) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // A leftover costs disk, not correctness: try again on the next run.
    }
  }

  /** The suffix the driver's jar gives this platform's library, as the driver itself names it. */
  private static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osName = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macos" : "linux";
    String archName =
        arch.equals("x86_64") || arch.equals("amd64")
            ? "amd64"
            : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
    return osName + "_" + archName;
  }
}
