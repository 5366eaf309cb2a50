package dev.alcove.core.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deleting files and folders without following links out of them. */
public final class Folders {

  private Folders() {}

  /**
   * Makes {@code folder} and its parents unless it is a folder already, as {@link
   * Files#createDirectories} does; asking first spares the exception that call throws and catches
   * inside for a folder that exists, once per file of a 1,000-file restore.
   */
  public static Path ensure(Path folder) throws IOException {
    return Files.isDirectory(folder) ? folder : Files.createDirectories(folder);
  }

  /** Deletes a file or a folder tree; links are removed, never followed. */
  public static void delete(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(path);
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Deletes {@code folder} and its parents while they are empty, up to but not {@code stop}; a link
   * is not an empty folder, and stops it.
   */
  public static void deleteEmptyFolders(Path folder, Path stop) {
    Path current = folder.toAbsolutePath().normalize();
    Path limit = stop.toAbsolutePath().normalize();
    while (current != null
        && current.startsWith(limit)
        && !current.equals(limit)
        && Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.delete(current);
      } catch (IOException e) {
        return;
      }
      current = current.getParent();
    }
  }

  public static void deleteQuietly(Path path) {
    try {
      delete(path);
    } catch (IOException e) {
      // Leftover temporary data is ignored by readers and removed on the next attempt.
    }
  }
}
