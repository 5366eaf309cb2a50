package dev.alcove.core.io;

import java.nio.file.Path;

/**
 * A path as a person typed it on a command line: a leading {@code ~} is their home (a shell expands
 * it only where it stands alone, so {@code -Dalcove.source=~/x} reaches Maven as typed), and a
 * relative path is taken from the folder they were in, not from the project's.
 */
public final class UserPaths {

  private UserPaths() {}

  public static Path resolve(String typed, Path home, Path startedIn) {
    String text = typed.strip();
    Path path;
    if (text.equals("~")) {
      path = home;
    } else if (text.startsWith("~/") || text.startsWith("~" + java.io.File.separator)) {
      path = home.resolve(text.substring(2));
    } else {
      path = startedIn.resolve(text);
    }
    return path.toAbsolutePath().normalize();
  }

  /** As {@link #resolve(String, Path, Path)}, from this JVM's home and working folder. */
  public static Path resolve(String typed) {
    return resolve(
        typed, Path.of(System.getProperty("user.home")), Path.of(System.getProperty("user.dir")));
  }
}
