package dev.alcove.core.checksum;

import dev.alcove.core.AlcoveException;
import dev.alcove.core.concurrent.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists and checksums every regular file under a directory, on every core.
 *
 * <p>Symbolic links are followed only while they stay inside the directory: a link out of it, or a
 * loop, is refused, so a snapshot never captures (or later writes) anything outside its folder.
 */
public final class DirectoryScanner {

  public static final String SKIPPED_FILE = ".DS_Store";

  private final FileDigester digester;
  private final int threads;

  public DirectoryScanner(FileDigester digester, int threads) {
    this.digester = digester;
    this.threads = Math.max(1, threads);
  }

  public DirectoryScanner(FileDigester digester) {
    this(digester, Parallel.defaultThreads());
  }

  /** Relative path (forward slashes) to file, sorted, for every regular file under {@code root}. */
  public static Map<String, Path> listFiles(Path root) {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new AlcoveException("cannot read folder " + root + ": " + e.getMessage());
    }
    Map<String, Path> files = new TreeMap<>(DirectoryManifest.CODE_POINT_ORDER);
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              requireInside(realRoot, root, dir);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              if (attrs.isRegularFile() && !file.getFileName().toString().equals(SKIPPED_FILE)) {
                // Its folder was checked on the way in, so only a link can lead out of it;
                // resolving
                // every file's real path cost a system call per path component.
                if (Files.isSymbolicLink(file)) {
                  requireInside(realRoot, root, file);
                }
                files.put(relative(root, file), file);
              } else if (attrs.isSymbolicLink()) {
                throw new AlcoveException(
                    "broken symbolic link " + file + " in snapshot folder " + root);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (e instanceof FileSystemLoopException) {
                throw new AlcoveException(
                    "symbolic link loop at " + file + " in snapshot folder " + root);
              }
              throw new AlcoveException("cannot read " + file + ": " + e.getMessage());
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static void requireInside(Path realRoot, Path root, Path path) throws IOException {
    if (!path.toRealPath().startsWith(realRoot)) {
      throw new AlcoveException(
          "symbolic link "
              + path
              + " points outside snapshot folder "
              + root
              + ": copy the data in, or snapshot the folder it points to");
    }
  }

  private static String relative(Path root, Path file) {
    List<String> parts = new ArrayList<>();
    for (Path part : root.relativize(file)) {
      parts.add(part.toString());
    }
    return String.join("/", parts);
  }

  /** The manifest of {@code root}; an empty folder is refused. */
  public DirectoryManifest manifest(Path root) {
    Map<String, Path> files = listFiles(root);
    if (files.isEmpty()) {
      throw new AlcoveException("folder " + root + " holds no files: there is nothing to snapshot");
    }
    return checksumAll(files);
  }

  /** Checksums the given files (relative path to file) in parallel. */
  public DirectoryManifest checksumAll(Map<String, Path> files) {
    List<Checksum> checksums = Parallel.map(files.values(), threads, digester::checksum);
    Map<String, Checksum> entries = new TreeMap<>(DirectoryManifest.CODE_POINT_ORDER);
    int i = 0;
    for (String name : files.keySet()) {
      entries.put(name, checksums.get(i++));
    }
    return DirectoryManifest.of(entries);
  }
}
