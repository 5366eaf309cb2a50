package dev.alcove.core.io;

import dev.alcove.core.errors.AlcoveException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Writes never follow a symbolic link: a link is something a repository can carry, so a link in a
 * colleague's branch at {@code data/tables/x} or {@code target/alcove/lock} must not make alcove
 * write into the folder or file it points to. The folders a user may deliberately point elsewhere
 * ({@code data/} and {@code target/} themselves, say onto a bigger disk) are the bases the checks
 * start below.
 */
public final class NoLinks {

  private NoLinks() {}

  /**
   * Refuses when {@code path} or any folder between {@code base} (not included) and it is a
   * symbolic link.
   */
  public static void requireBelow(Path base, Path path) {
    Path start = base.toAbsolutePath().normalize();
    Path target = path.toAbsolutePath().normalize();
    if (!target.startsWith(start)) {
      throw new AlcoveException("refusing to write " + target + ": it is outside " + start);
    }
    Path current = start;
    for (Path name : start.relativize(target)) {
      current = current.resolve(name);
      if (Files.isSymbolicLink(current)) {
        throw new AlcoveException(
            "refusing to write through the symbolic link "
                + current
                + " (it points to "
                + linkTarget(current)
                + "): alcove never follows links when it writes; remove the link");
      }
      if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
    }
  }

  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "an unreadable target";
    }
  }
}
