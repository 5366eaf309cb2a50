package dev.alcove.core.checksum;

import dev.alcove.core.errors.AlcoveException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A directory's content: every regular file's relative path (forward slashes) and checksum.
 *
 * <p>Paths are ordered by Unicode code point, as Python's {@code sorted()} orders them, so the
 * manifest checksum matches the one the Python tool computes for any file name.
 */
public record DirectoryManifest(SortedMap<String, Checksum> entries) {

  /**
   * Code-point order; {@link String#compareTo} differs from it for characters beyond the BMP. Code
   * units are compared until the first difference, which decides unless a surrogate is involved:
   * manifests of thousands of files are sorted in a JVM that has compiled nothing yet.
   */
  public static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
          char ca = a.charAt(i);
          char cb = b.charAt(i);
          if (ca != cb) {
            if (!Character.isSurrogate(ca) && !Character.isSurrogate(cb)) {
              return Character.compare(ca, cb);
            }
            int start = i > 0 && Character.isHighSurrogate(a.charAt(i - 1)) ? i - 1 : i;
            return Integer.compare(a.codePointAt(start), b.codePointAt(start));
          }
        }
        return Integer.compare(a.length(), b.length());
      };

  public DirectoryManifest {
    TreeMap<String, Checksum> copy = new TreeMap<>(CODE_POINT_ORDER);
    copy.putAll(entries);
    for (String path : copy.keySet()) {
      requireSafeRelativePath(path);
    }
    entries = Collections.unmodifiableSortedMap(copy);
  }

  public static DirectoryManifest of(Map<String, Checksum> entries) {
    // Copied in this order, a map already in it is taken over without comparing a single key
    TreeMap<String, Checksum> sorted = new TreeMap<>(CODE_POINT_ORDER);
    sorted.putAll(entries);
    return new DirectoryManifest(sorted);
  }

  /** From entries in code-point order, in time linear in their number; others are refused. */
  public static DirectoryManifest ofSorted(java.util.List<Map.Entry<String, Checksum>> sorted) {
    return new DirectoryManifest(SortedEntries.treeOf(sorted));
  }

  /** SHA-256 over each entry's path bytes then checksum hex bytes, in path order, no separators. */
  public Checksum checksum() {
    MessageDigest digest = Sha256.newDigest();
    for (Map.Entry<String, Checksum> entry : entries.entrySet()) {
      digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
      digest.update(entry.getValue().hex().getBytes(StandardCharsets.US_ASCII));
    }
    return Checksum.ofDigest(digest.digest());
  }

  public int size() {
    return entries.size();
  }

  /**
   * The files added, removed and changed from this manifest to {@code after}, each in path order.
   */
  public Changes changesTo(DirectoryManifest after) {
    // One walk over both, each in path order: looking each path up in the other map compares
    // paths 17 times per file for 100,000 files.
    java.util.List<String> added = new java.util.ArrayList<>();
    java.util.List<String> removed = new java.util.ArrayList<>();
    java.util.List<String> changed = new java.util.ArrayList<>();
    java.util.Iterator<Map.Entry<String, Checksum>> mine = entries.entrySet().iterator();
    java.util.Iterator<Map.Entry<String, Checksum>> theirs = after.entries.entrySet().iterator();
    Map.Entry<String, Checksum> a = mine.hasNext() ? mine.next() : null;
    Map.Entry<String, Checksum> b = theirs.hasNext() ? theirs.next() : null;
    while (a != null || b != null) {
      int order = a == null ? 1 : b == null ? -1 : CODE_POINT_ORDER.compare(a.getKey(), b.getKey());
      if (order < 0) {
        removed.add(a.getKey());
      } else if (order > 0) {
        added.add(b.getKey());
      } else if (!a.getValue().equals(b.getValue())) {
        changed.add(a.getKey());
      }
      if (order <= 0) {
        a = mine.hasNext() ? mine.next() : null;
      }
      if (order >= 0) {
        b = theirs.hasNext() ? theirs.next() : null;
      }
    }
    return new Changes(added, removed, changed);
  }

  /** What changed between two manifests, read from them alone. */
  public record Changes(
      java.util.List<String> added,
      java.util.List<String> removed,
      java.util.List<String> changed) {

    /** {@code +2 files, -1, 3 changed}, or {@code same files}. */
    public String summary() {
      java.util.List<String> parts = new java.util.ArrayList<>();
      if (!added.isEmpty()) {
        parts.add("+" + added.size() + (added.size() == 1 ? " file" : " files"));
      }
      if (!removed.isEmpty()) {
        parts.add(
            "-"
                + removed.size()
                + (parts.isEmpty() ? (removed.size() == 1 ? " file" : " files") : ""));
      }
      if (!changed.isEmpty()) {
        parts.add(changed.size() + " changed");
      }
      return parts.isEmpty() ? "same files" : String.join(", ", parts);
    }
  }

  /**
   * Refuses an entry for a file that checksumming a folder skips: it could never match, so the
   * folder would be restored on every run and fail every audit.
   */
  public static void requireCountedName(String path) {
    if (path.equals(DirectoryScanner.SKIPPED_FILE)
        || path.endsWith("/" + DirectoryScanner.SKIPPED_FILE)) {
      throw new AlcoveException(
          "'"
              + path
              + "' is skipped when a folder is checksummed, so no folder can match it: remove the"
              + " entry from the sidecar");
    }
  }

  /**
   * Refuses manifest paths that could escape the directory they describe: a sidecar is user input,
   * and a key such as {@code ../../outside} must never become a write outside the alcove.
   */
  public static void requireSafeRelativePath(String path) {
    if (path.isEmpty()
        || path.startsWith("/")
        || path.contains("\\")
        || path.contains("\0")
        || (path.length() > 1 && path.charAt(1) == ':')) {
      throw new AlcoveException("unsafe path '" + path + "' in a directory manifest");
    }
    // Segment by segment without splitting: a manifest of 100,000 paths is checked on every build.
    int start = 0;
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      int length = end - start;
      if (length == 0
          || (length == 1 && path.charAt(start) == '.')
          || (length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
        throw new AlcoveException("unsafe path '" + path + "' in a directory manifest");
      }
      start = end + 1;
    }
  }
}
