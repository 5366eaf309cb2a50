package dev.alcove.core.run.runner;

import dev.alcove.core.Versions;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.DirectoryScanner;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.layout.AlcoveLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What besides a step's own files decides the bytes it writes, found once per run: DuckDB's
 * version, the JDK and the content of every class path element of Java steps, the Python
 * interpreter's version. Each goes into the cache key of every table built with it.
 */
public final class Engines {

  private final FileDigester digester;
  private final Supplier<List<Path>> javaClassPath;
  private String javaEngine;
  private final Map<String, String> interpreters = new java.util.HashMap<>();
  private final Supplier<String> sparkVersion;
  private boolean sparkAsked;

  public Engines(FileDigester digester, Supplier<List<Path>> javaClassPath) {
    this(
        digester,
        javaClassPath,
        () -> {
          throw new dev.alcove.core.errors.AlcoveException("no Spark server is configured");
        });
  }

  /**
   * {@code sparkVersion}: the version of the Spark server Spark steps run on, asked when needed.
   */
  public Engines(
      FileDigester digester, Supplier<List<Path>> javaClassPath, Supplier<String> sparkVersion) {
    this.digester = digester;
    this.javaClassPath = javaClassPath;
    this.sparkVersion = sparkVersion;
  }

  /** The Spark server's version, as it reports it. */
  public String spark() {
    synchronized (this) {
      sparkAsked = true;
    }
    return "spark " + sparkVersion.get();
  }

  /**
   * Whether only DuckDB was asked for so far: then nothing but this alcove's own files decided the
   * keys (no class path, no interpreter, no server), and a stat of those files tells all.
   */
  public synchronized boolean onlyDuckDbAsked() {
    return javaEngine == null && interpreters.isEmpty() && !sparkAsked;
  }

  public String duckdb() {
    return "duckdb " + Versions.duckdb();
  }

  /**
   * The JDK's feature version and a digest of the class path by content, in order: a jar that is
   * upgraded, added or removed changes it; where the jars live does not. The tables a run copies
   * into the project's classes ({@code <resources>}) are not part of it, or every run would change
   * the engine of the next.
   */
  public synchronized String java() {
    if (javaEngine == null) {
      StringBuilder contents = new StringBuilder();
      for (Path element : javaClassPath.get()) {
        if (Files.isDirectory(element)) {
          StringBuilder folder = new StringBuilder();
          for (Map.Entry<String, Path> file : DirectoryScanner.listFiles(element).entrySet()) {
            if (file.getKey().startsWith(AlcoveLayout.CLASS_PATH_FOLDER + "/")) {
              // Tables that <resources> ships: outputs of steps, copied there after a run.
              continue;
            }
            folder
                .append(' ')
                .append(file.getKey())
                .append(' ')
                .append(digester.checksum(file.getValue()).hex())
                .append('\n');
          }
          // A folder with nothing to load is as good as none: target/classes appears only after
          // the first build.
          if (!folder.isEmpty()) {
            contents.append("folder\n").append(folder);
          }
        } else if (Files.isRegularFile(element)) {
          contents.append("jar ").append(digester.checksum(element).hex()).append('\n');
        }
      }
      Checksum classPath = Sha256.ofString(contents.toString());
      javaEngine = "java " + Runtime.version().feature() + ", class path " + classPath.hex();
    }
    return javaEngine;
  }

  /**
   * {@code <command> --version}'s answer (lower case), or a note that {@code command} is not there
   * to ask: the interpreter of a program step ({@code python3}, {@code Rscript}), asked once.
   */
  public synchronized String interpreter(String command) {
    return interpreters.computeIfAbsent(command, Engines::askVersion);
  }

  private static String askVersion(String command) {
    try {
      Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
      process.getOutputStream().close();
      String answer =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return command + " unavailable";
      }
      return answer.toLowerCase(Locale.ROOT);
    } catch (IOException e) {
      return command + " unavailable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return command + " unavailable";
    }
  }
}
