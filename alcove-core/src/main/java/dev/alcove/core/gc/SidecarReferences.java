package dev.alcove.core.gc;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.io.Git;
import dev.alcove.core.layout.AlcoveLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every checksum that a sidecar names, in the working tree and in every commit of the alcove's git
 * history: what {@code gc} must never delete. Any SHA-256 anywhere in a sidecar counts, whatever
 * field holds it, so that a format alcove does not know still protects its objects.
 */
final class SidecarReferences {

  private static final Pattern SHA256 = Pattern.compile("\\b[0-9a-f]{64}\\b");

  private SidecarReferences() {}

  /** The checksums named by sidecars under the alcove's data folder, as they are on disk. */
  static Set<Checksum> inWorkingTree(AlcoveLayout layout) {
    Set<Checksum> found = new HashSet<>();
    if (!Files.isDirectory(layout.dataDir())) {
      return found;
    }
    try (Stream<Path> files = Files.walk(layout.dataDir())) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().endsWith(AlcoveLayout.SIDECAR_SUFFIX)
            && Files.isRegularFile(file)) {
          addChecksums(Files.readString(file, StandardCharsets.UTF_8), found);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new dev.alcove.core.errors.AlcoveException(
          "cannot read the sidecars under " + layout.dataDir() + ": " + e.getMessage());
    }
    return found;
  }

  /** What the alcove's git history names, and whether that history is whole. */
  record History(Set<Checksum> named, Optional<String> incomplete) {}

  /**
   * The checksums named by every version of every sidecar that git can still reach from the
   * repository that holds {@code root}: any commit reachable from a ref (branches, tags, remotes,
   * notes, the stash) or from any reflog entry (older stashes, detached HEADs, rewritten branches),
   * and the index. Empty when there is no repository or git cannot read it (then nothing in the
   * store may be deleted). A shallow or partial clone is read as far as it goes and said to be
   * incomplete: older commits it does not have may name objects too.
   */
  static Optional<History> inGitHistory(Path root) {
    try {
      if (!Git.run(root, List.of("git", "rev-parse", "--is-inside-work-tree"), null)
          .strip()
          .equals("true")) {
        return Optional.empty();
      }
      Optional<String> incomplete = incompleteness(root);
      Set<String> blobs = new LinkedHashSet<>();
      String objects =
          Git.run(
              root,
              List.of("git", "rev-list", "--all", "--reflog", "--indexed-objects", "--objects"),
              null);
      for (String line : objects.split("\n")) {
        int space = line.indexOf(' ');
        if (space > 0 && line.endsWith(AlcoveLayout.SIDECAR_SUFFIX)) {
          blobs.add(line.substring(0, space));
        }
      }
      Set<Checksum> found = new HashSet<>();
      if (!blobs.isEmpty()) {
        String contents =
            Git.run(
                root,
                List.of("git", "cat-file", "--batch=%(objectname)"),
                String.join("\n", blobs) + "\n");
        addChecksums(contents, found);
      }
      return Optional.of(new History(found, incomplete));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Why the repository's history is not whole (a shallow or a partial clone), if it is not. */
  private static Optional<String> incompleteness(Path root) throws IOException {
    if (Git.run(root, List.of("git", "rev-parse", "--is-shallow-repository"), null)
        .strip()
        .equals("true")) {
      return Optional.of(
          "is shallow (a clone made with --depth): fetch the whole history with"
              + " `git fetch --unshallow`");
    }
    String config = Git.run(root, List.of("git", "config", "--list"), null);
    for (String line : config.split("\n")) {
      String key = line.contains("=") ? line.substring(0, line.indexOf('=')) : line;
      if (key.equals("extensions.partialclone")
          || (key.startsWith("remote.") && key.endsWith(".promisor"))) {
        return Optional.of(
            "is a partial clone (made with --filter), whose older sidecars are not here: clone"
                + " the repository again without --filter");
      }
    }
    return Optional.empty();
  }

  private static void addChecksums(String text, Set<Checksum> found) {
    Matcher matcher = SHA256.matcher(text);
    while (matcher.find()) {
      found.add(Checksum.of(matcher.group()));
    }
  }
}
