package dev.alcove.core.checksum;

import dev.alcove.core.concurrent.Parallel;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.FileNameEncoding;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
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
  private final ThreadBudget threads;

  /** Hashes on the calling thread and on what {@code threads} has free. */
  public DirectoryScanner(FileDigester digester, ThreadBudget threads) {
    this.digester = digester;
    this.threads = threads;
  }

  /** On every core, for a scan that is all the work there is. */
  public DirectoryScanner(FileDigester digester) {
    this(digester, ThreadBudget.of(Parallel.defaultThreads()));
  }

  /** Relative path (forward slashes) to file, sorted, for every regular file under {@code root}. */
  public static Map<String, Path> listFiles(Path root) {
    return list(root).files();
  }

  /**
   * The files of a folder, and whether they are all there is in it: {@code plain} when every entry
   * is a folder or a regular file listed here, with no link, no special file and no skipped file,
   * so that any file not in the listing was not there when it was made. {@code folders} are every
   * folder listed, the root first, as reached from it: a file added or removed anywhere in the
   * folder changes the stat of one of them.
   */
  public record Listing(Map<String, Path> files, boolean plain, List<Path> folders) {}

  /** As {@link #listFiles}, saying whether the listing is all the folder holds. */
  public static Listing list(Path root) {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new AlcoveException("cannot read folder " + root + ": " + e.getMessage());
    }
    List<Map.Entry<String, Path>> files = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    boolean[] plain = {true};
    listInto(
        root,
        realRoot,
        "",
        realRoot,
        root,
        new ArrayList<>(List.of(realRoot)),
        files,
        folders,
        plain);
    return new Listing(SortedEntries.treeOf(files), plain[0], List.copyOf(folders));
  }

  /** An entry of one folder, with the name it sorts by: a folder's name ends with a slash. */
  private record Listed(String sortName, String name, Path entry, Path realEntry, boolean folder) {}

  private static final Comparator<Listed> BY_SORT_NAME =
      (a, b) -> DirectoryManifest.CODE_POINT_ORDER.compare(a.sortName, b.sortName);

  /**
   * Lists one folder, one system call per entry unless it is a link: a link is followed only while
   * it stays inside the snapshot folder and does not lead back to a folder being listed. Each
   * folder's entries are sorted by name (a folder's with its slash, as in the paths), so the files
   * come out in the order of their whole paths.
   */
  private static void listInto(
      Path folder,
      Path realFolder,
      String prefix,
      Path realRoot,
      Path root,
      List<Path> realAncestors,
      List<Map.Entry<String, Path>> files,
      List<Path> folders,
      boolean[] plain) {
    folders.add(folder);
    List<Listed> listed = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.indexOf('\uFFFD') >= 0) {
          // The JVM shows bytes it cannot decode as U+FFFD: two such names would merge into one.
          if (!FileNameEncoding.isUnicode()) {
            throw FileNameEncoding.localeProblem(entry.toString());
          }
          throw new AlcoveException(
              "the name of "
                  + entry
                  + " in snapshot folder "
                  + root
                  + " is not valid UTF-8 text: rename the file (e.g. convmv -f latin1 -t utf-8)");
        }
        BasicFileAttributes attributes =
            Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Path realEntry = null;
        if (attributes.isSymbolicLink()) {
          plain[0] = false;
          try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class);
          } catch (NoSuchFileException e) {
            throw new AlcoveException(
                "broken symbolic link " + entry + " in snapshot folder " + root);
          }
          realEntry = entry.toRealPath();
          if (!realEntry.startsWith(realRoot)) {
            throw new AlcoveException(
                "symbolic link "
                    + entry
                    + " points outside snapshot folder "
                    + root
                    + ": copy the data in, or snapshot the folder it points to");
          }
          if (attributes.isDirectory() && realAncestors.contains(realEntry)) {
            throw new AlcoveException(
                "symbolic link loop at " + entry + " in snapshot folder " + root);
          }
        }
        if (attributes.isDirectory()) {
          listed.add(new Listed(name + "/", name, entry, realEntry, true));
        } else if (attributes.isRegularFile() && !name.equals(SKIPPED_FILE)) {
          listed.add(new Listed(name, name, entry, null, false));
        } else {
          plain[0] = false;
        }
      }
    } catch (IOException e) {
      throw new AlcoveException("cannot read " + folder + ": " + e.getMessage());
    }
    listed.sort(BY_SORT_NAME);
    for (Listed each : listed) {
      if (each.folder) {
        Path realEntry = each.realEntry != null ? each.realEntry : realFolder.resolve(each.name);
        realAncestors.add(realEntry);
        listInto(
            each.entry,
            realEntry,
            prefix + each.sortName,
            realRoot,
            root,
            realAncestors,
            files,
            folders,
            plain);
        realAncestors.remove(realAncestors.size() - 1);
      } else {
        files.add(Map.entry(prefix + each.name, each.entry));
      }
    }
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
    List<Map.Entry<String, Checksum>> entries = new ArrayList<>(files.size());
    int i = 0;
    for (String name : files.keySet()) {
      entries.add(Map.entry(name, checksums.get(i++)));
    }
    if (files instanceof SortedMap<String, Path> sorted
        && sorted.comparator() == DirectoryManifest.CODE_POINT_ORDER) {
      return DirectoryManifest.ofSorted(entries);
    }
    Map<String, Checksum> tree = new TreeMap<>(DirectoryManifest.CODE_POINT_ORDER);
    entries.forEach(entry -> tree.put(entry.getKey(), entry.getValue()));
    return DirectoryManifest.of(tree);
  }
}
