package dev.alcove.core.io;

import java.nio.file.FileSystems;
import java.nio.file.Path;

/**
 * A path's absolute, normalized text, and its text below a folder, without building the {@link
 * Path}s that {@code normalize} and {@code relativize} make name by name: a no-op run asks this of
 * tens of thousands of paths, and those names were a tenth of everything it allocated.
 */
public final class PathTexts {

  private static final boolean SLASHES = FileSystems.getDefault().getSeparator().equals("/");

  private PathTexts() {}

  /** {@code path.toAbsolutePath().normalize().toString()}. */
  public static String absolute(Path path) {
    if (SLASHES && path.isAbsolute()) {
      String text = path.toString();
      // Only "." and ".." segments need normalizing (the file system drops repeated slashes): a
      // project below a hidden folder (~/.local/...) takes the fast path too.
      if (!hasDotSegment(text)) {
        return text;
      }
    }
    return path.toAbsolutePath().normalize().toString();
  }

  /** Whether a segment of {@code text} is {@code .} or {@code ..}. */
  private static boolean hasDotSegment(String text) {
    for (int at = text.indexOf("/."); at >= 0; at = text.indexOf("/.", at + 1)) {
      int end = at + 2;
      if (end < text.length() && text.charAt(end) == '.') {
        end++;
      }
      if (end == text.length() || text.charAt(end) == '/') {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code folder.relativize(path)} with forward slashes, where {@code folder} is absolute and
   * normalized.
   */
  public static String relative(Path folder, Path path) {
    String text = absolute(path);
    String prefix = folder.toString();
    if (SLASHES
        && text.length() > prefix.length() + 1
        && text.startsWith(prefix)
        && (text.charAt(prefix.length()) == '/' || prefix.equals("/"))) {
      return text.substring(prefix.equals("/") ? 1 : prefix.length() + 1);
    }
    return folder.relativize(Path.of(text)).toString().replace('\\', '/');
  }
}
