package dev.alcove.core.audit;

import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.layout.DataGitignore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The audit's checks of what git would see: {@code data/.gitignore} lists {@code tables/} and every
 * snapshot's data; data paths do not sit in the root {@code .gitignore}; a {@code .env} (which
 * holds secrets) is ignored; a legacy {@code .data-files} is migrated.
 */
final class GitIgnores {

  static final String LEGACY_DATA_FILES = ".data-files";

  private final Path root;
  private final boolean fix;

  private final FrontEnd frontEnd;

  GitIgnores(Path root, boolean fix, FrontEnd frontEnd) {
    this.frontEnd = frontEnd;
    this.root = root;
    this.fix = fix;
  }

  List<Finding> audit(AlcoveLayout layout, Set<String> snapshotEntries) {
    List<Finding> findings = new ArrayList<>();
    DataGitignore dataIgnore = new DataGitignore(layout);
    String subject = layout.relative(dataIgnore.file());
    List<String> wanted = new ArrayList<>();
    wanted.add(DataGitignore.TABLES_ENTRY);
    wanted.addAll(snapshotEntries);
    List<String> missing = dataIgnore.missing(wanted);
    findings.addAll(rootIgnoreEntries(layout, dataIgnore));
    findings.addAll(legacyDataFiles(layout, dataIgnore));
    if (!dataIgnore.exists() || !missing.isEmpty()) {
      String problem =
          dataIgnore.exists() ? "does not list " + String.join(", ", missing) : "is missing";
      if (fix) {
        dataIgnore.ensure(wanted);
        findings.add(
            Finding.fixed(
                subject,
                dataIgnore.exists() && !missing.isEmpty()
                    ? "added " + String.join(", ", missing)
                    : "written"));
      } else {
        findings.add(
            Finding.error(
                subject, problem + " (fix with " + frontEnd.set(Setting.FIX, "true") + ")"));
      }
    } else {
      findings.add(Finding.ok(subject));
    }
    findings.addAll(dotEnv());
    return findings;
  }

  /** Lines of the root .gitignore that name data inside the alcove's data folder. */
  private List<Finding> rootIgnoreEntries(AlcoveLayout layout, DataGitignore dataIgnore) {
    Path rootIgnore = root.resolve(".gitignore");
    if (!Files.isRegularFile(rootIgnore)) {
      return List.of();
    }
    String prefix = layout.relative(layout.dataDir()) + "/";
    List<String> lines = read(rootIgnore);
    List<String> dataLines =
        lines.stream()
            .map(String::strip)
            .map(l -> l.startsWith("/") ? l.substring(1) : l)
            .filter(l -> l.startsWith(prefix + "snapshots/") || l.startsWith(prefix + "tables"))
            .toList();
    if (dataLines.isEmpty()) {
      return List.of();
    }
    if (!fix) {
      return List.of(
          Finding.warning(
              ".gitignore",
              "lists data paths that belong in "
                  + layout.relative(dataIgnore.file())
                  + ": "
                  + String.join(", ", dataLines)
                  + " (fix with "
                  + frontEnd.set(Setting.FIX, "true")
                  + ")"));
    }
    dataIgnore.ensure(dataLines.stream().map(l -> l.substring(prefix.length())).toList());
    List<String> kept =
        lines.stream()
            .filter(
                l -> {
                  String s = l.strip();
                  s = s.startsWith("/") ? s.substring(1) : s;
                  return !dataLines.contains(s);
                })
            .toList();
    AtomicFiles.writeString(rootIgnore, String.join("\n", kept) + "\n");
    return List.of(
        Finding.fixed(
            ".gitignore",
            "moved " + String.join(", ", dataLines) + " to " + layout.relative(dataIgnore.file())));
  }

  /** The Python tool's older list of data files, one path per line relative to the alcove. */
  private List<Finding> legacyDataFiles(AlcoveLayout layout, DataGitignore dataIgnore) {
    Path legacy = root.resolve(LEGACY_DATA_FILES);
    if (!Files.isRegularFile(legacy)) {
      return List.of();
    }
    if (!fix) {
      return List.of(
          Finding.warning(
              LEGACY_DATA_FILES,
              "legacy list of data files: migrate it into "
                  + layout.relative(dataIgnore.file())
                  + " with "
                  + frontEnd.set(Setting.FIX, "true")));
    }
    String prefix = layout.relative(layout.dataDir()) + "/";
    List<String> entries =
        read(legacy).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .map(l -> l.startsWith(prefix) ? l.substring(prefix.length()) : l)
            .toList();
    dataIgnore.ensure(entries);
    AtomicFiles.deleteQuietly(legacy);
    return List.of(
        Finding.fixed(
            LEGACY_DATA_FILES,
            "migrated "
                + entries.size()
                + " entries into "
                + layout.relative(dataIgnore.file())
                + " and removed it"));
  }

  /** A .env holds S3 secrets: git must ignore it. Asks git itself, when this is a git checkout. */
  private List<Finding> dotEnv() {
    Path env = root.resolve(".env");
    if (!Files.isRegularFile(env)) {
      return List.of();
    }
    int ignored = gitCheckIgnore(".env");
    if (ignored == 0 || ignored < 0) {
      return List.of(Finding.ok(".env", ignored == 0 ? "ignored by git" : "not in a git checkout"));
    }
    if (fix) {
      Path rootIgnore = root.resolve(".gitignore");
      List<String> lines =
          new ArrayList<>(Files.isRegularFile(rootIgnore) ? read(rootIgnore) : List.of());
      lines.add(".env");
      AtomicFiles.writeString(rootIgnore, String.join("\n", lines) + "\n");
      return List.of(Finding.fixed(".env", "added to .gitignore"));
    }
    return List.of(
        Finding.error(
            ".env",
            "holds secrets and git would commit it: add .env to .gitignore (or use "
                + frontEnd.set(Setting.FIX, "true")
                + ")"));
  }

  /** 0: ignored; 1: not ignored; -1: no git, or not a checkout. */
  private int gitCheckIgnore(String path) {
    try {
      Process process =
          new ProcessBuilder("git", "check-ignore", "-q", path)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .start();
      process.getInputStream().readAllBytes();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      int exit = process.exitValue();
      return exit == 0 || exit == 1 ? exit : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + file, e);
    }
  }
}
