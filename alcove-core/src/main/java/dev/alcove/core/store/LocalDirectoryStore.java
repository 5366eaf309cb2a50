package dev.alcove.core.store;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.concurrent.Parallel;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.FileSystemFlush;
import dev.alcove.core.io.Folders;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.KernelCopy;
import dev.alcove.core.progress.TransferProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A store in a folder on disk, with the same key layout as S3. It is the default store when no S3
 * is configured, and the layout of the local cache ({@code ~/.cache/alcove}).
 */
public final class LocalDirectoryStore implements ObjectStore {

  private final Path root;
  private final String name;
  private final boolean durable;

  /** What to do when a folder cannot be written, where no front end gave its words. */
  private static final String WRITABLE_FOLDER = "choose a folder you can write";

  /** What to do when the folder cannot be written, in the front end's words. */
  private final String remedy;

  /** A store: every object is flushed to disk before it is renamed into place. */
  public LocalDirectoryStore(Path root, String name) {
    this(root, name, true, WRITABLE_FOLDER);
  }

  /** As above; {@code remedy} says what to do when the folder cannot be written. */
  public LocalDirectoryStore(Path root, String name, String remedy) {
    this(root, name, true, remedy);
  }

  private LocalDirectoryStore(Path root, String name, boolean durable, String remedy) {
    this.root = root.toAbsolutePath().normalize();
    this.name = name;
    this.remedy = remedy;
    this.durable = durable;
  }

  /**
   * A cache: objects are not flushed, since every read verifies them and a lost one is fetched
   * again; flushing each would cost a disk sync per object.
   */
  public static LocalDirectoryStore cache(Path root) {
    return cache(root, WRITABLE_FOLDER);
  }

  /** As above; {@code remedy} says what to do when the folder cannot be written. */
  public static LocalDirectoryStore cache(Path root, String remedy) {
    return new LocalDirectoryStore(root, "cache", false, remedy);
  }

  public Path root() {
    return root;
  }

  public Path pathOf(Checksum checksum) {
    return root.resolve(ObjectKeys.relativeKey(checksum));
  }

  @Override
  public boolean remote() {
    return false;
  }

  @Override
  public String describe() {
    return name + " " + root;
  }

  /**
   * Whether the store holds the object: an emptied file (what a full disk or a careless hand can
   * leave) does not count, unless the object is the empty file.
   */
  @Override
  public java.util.Optional<String> clusterLocation(Checksum checksum) {
    return contains(checksum)
        ? java.util.Optional.of(pathOf(checksum).toAbsolutePath().toUri().toString())
        : java.util.Optional.empty();
  }

  @Override
  public java.util.Optional<ClusterOutput> clusterOutput() {
    return java.util.Optional.of(new LocalClusterOutput(this, root));
  }

  @Override
  public java.util.OptionalLong size(Checksum checksum) {
    try {
      return contains(checksum)
          ? java.util.OptionalLong.of(Files.size(pathOf(checksum)))
          : java.util.OptionalLong.empty();
    } catch (IOException e) {
      return java.util.OptionalLong.empty();
    }
  }

  @Override
  public boolean contains(Checksum checksum) {
    Path object = pathOf(checksum);
    try {
      return Files.isRegularFile(object) && (Files.size(object) > 0 || checksum.equals(EMPTY_FILE));
    } catch (IOException e) {
      return false;
    }
  }

  private static final Checksum EMPTY_FILE =
      Checksum.of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /**
   * Stores a copy of {@code file}, never a link to it: a user who then edits the alcove's file in
   * place must not change the stored bytes, which other alcoves and the Python tool trust. A stored
   * object of another size than {@code file} is damaged, and is replaced.
   */
  @Override
  public void upload(Checksum checksum, Path file, TransferProgress progress) {
    uploadAll(Map.of(checksum, file), ThreadBudget.of(1), progress);
  }

  /**
   * Copies every file to a temporary name beside its object, then flushes them all, then renames
   * them into place, then flushes each folder once. Flushing each object as it is written makes
   * every flush wait for all that was written before it: for 100,000 small files that grows faster
   * than the number of files. Many files at once are flushed with the whole file system, twice
   * ({@link FileSystemFlush}); no object is visible under its name before its bytes are on disk.
   */
  @Override
  public void uploadAll(
      Map<Checksum, Path> objects, ThreadBudget threads, TransferProgress progress) {
    Map<Path, Path> staged = new java.util.concurrent.ConcurrentHashMap<>();
    // 100,000 objects share 65,536 folders: each is made once, not asked for again per object.
    Map<Path, Path> madeFolders = new java.util.concurrent.ConcurrentHashMap<>();
    try {
      Parallel.forEach(
          objects.entrySet(),
          threads,
          parallelTransfers(),
          object -> {
            Path target = pathOf(object.getKey());
            if (Files.isRegularFile(target) && sameSize(target, object.getValue())) {
              return;
            }
            Path temp = AtomicFiles.tempSibling(target);
            staged.put(temp, target);
            try {
              // another thread making the same folder holds this one back until it exists
              madeFolders.computeIfAbsent(target.getParent(), LocalDirectoryStore::makeFolder);
              copyInKernel(object.getValue(), temp, progress);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      // Many files: one flush of the whole file system for their bytes, one for their names.
      boolean flushAll = durable && staged.size() >= FileSystemFlush.WORTH_IT_FROM_FILES;
      if (durable && !(flushAll && FileSystemFlush.flush(root))) {
        Parallel.forEach(
            staged.keySet(),
            threads,
            parallelTransfers(),
            temp -> {
              try {
                AtomicFiles.sync(temp);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
      }
      java.util.Set<Path> folders = new java.util.TreeSet<>();
      for (Map.Entry<Path, Path> move : staged.entrySet()) {
        AtomicFiles.rename(move.getKey(), move.getValue());
        folders.add(move.getValue().getParent());
      }
      if (durable && !(flushAll && FileSystemFlush.flush(root))) {
        Parallel.forEach(folders, threads, parallelTransfers(), AtomicFiles::syncFolder);
      }
    } catch (java.io.UncheckedIOException e) {
      throw cannotWrite(e.getCause());
    } catch (IOException e) {
      throw cannotWrite(e);
    } finally {
      staged.keySet().forEach(AtomicFiles::deleteQuietly);
    }
  }

  private static Path makeFolder(Path folder) {
    try {
      return Folders.ensure(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Renames {@code staged}, a whole copy of the object written at a temporary name beside where it
   * goes, into place: flushed first in a store, not in a cache (as {@link #uploadAll}).
   */
  void adopt(Checksum checksum, Path staged) {
    try {
      if (durable) {
        AtomicFiles.sync(staged);
        AtomicFiles.moveIntoPlace(staged, pathOf(checksum));
      } else {
        AtomicFiles.rename(staged, pathOf(checksum));
      }
    } catch (IOException e) {
      throw cannotWrite(e);
    }
  }

  AlcoveException cannotWrite(IOException e) {
    return new AlcoveException(
        "cannot write to " + describe() + " (" + IoErrors.reason(e) + "): " + remedy);
  }

  @Override
  public Checksum get(Checksum checksum, Path target, TransferProgress progress) {
    MessageDigest digest = Sha256.newDigest();
    try (InputStream in = Files.newInputStream(pathOf(checksum));
        OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
      progress.expect(Files.size(pathOf(checksum)));
      copy(in, out, progress);
      return Checksum.ofDigest(digest.digest());
    } catch (NoSuchFileException e) {
      throw new ObjectMissingException(describe(), checksum);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + pathOf(checksum), e);
    }
  }

  private static boolean sameSize(Path a, Path b) {
    try {
      return Files.size(a) == Files.size(b);
    } catch (IOException e) {
      return false;
    }
  }

  /** Deletes a stored object, e.g. one found corrupt, so that a good copy can take its place. */
  public void evict(Checksum checksum) {
    AtomicFiles.deleteQuietly(pathOf(checksum));
  }

  /** Marks the object as just used, for a cache trimmed least recently used first. */
  public void touch(Checksum checksum) {
    try {
      Files.setLastModifiedTime(
          pathOf(checksum), java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
    } catch (IOException e) {
      // Only the order of eviction suffers.
    }
  }

  @Override
  public void delete(Checksum checksum) {
    deleteFile(pathOf(checksum));
  }

  public Path pathOfEntry(String name) {
    return root.resolve(ObjectKeys.requireEntryName(name));
  }

  @Override
  public Optional<byte[]> readEntry(String name, int maxBytes) {
    Path file = pathOfEntry(name);
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] content = in.readNBytes(maxBytes + 1);
      if (content.length > maxBytes) {
        throw new AlcoveException(
            file + " is larger than the " + maxBytes + " bytes an entry may hold: delete it");
      }
      return Optional.of(content);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + file, e);
    }
  }

  @Override
  public void writeEntry(String name, byte[] content) {
    Path file = pathOfEntry(name);
    if (durable) {
      AtomicFiles.write(file, content);
      return;
    }
    AtomicFiles.writeWithoutFlush(file, content);
  }

  @Override
  public List<StoredEntry> listEntries(String folder) {
    Path base = root.resolve(ObjectKeys.requireEntryName(folder + "/x")).getParent();
    if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    List<StoredEntry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(base)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        BasicFileAttributes attributes =
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        // Half-written temporaries start with a dot; they are no entry yet.
        if (attributes.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
          entries.add(
              new StoredEntry(
                  root.relativize(file).toString().replace(java.io.File.separatorChar, '/'),
                  attributes.size(),
                  attributes.lastModifiedTime().toInstant()));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new AlcoveException("cannot list " + base + ": " + e.getMessage());
    }
    return entries;
  }

  @Override
  public void deleteEntry(String name) {
    deleteFile(pathOfEntry(name));
  }

  private static void deleteFile(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot delete " + file, e);
    }
  }

  /**
   * Copies a file into a new one without its bytes passing through this JVM (the kernel copies
   * them, {@code sendfile} or {@code copy_file_range}): a cache filled beside every download costs
   * a copy, not two.
   */
  private static void copyInKernel(Path source, Path target, TransferProgress progress)
      throws IOException {
    try (java.nio.channels.FileChannel in =
            java.nio.channels.FileChannel.open(source, StandardOpenOption.READ);
        java.nio.channels.FileChannel out =
            java.nio.channels.FileChannel.open(
                target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      KernelCopy.range(in, 0, in.size(), out, source.toString(), progress::transferred);
    }
  }

  static void copy(InputStream in, OutputStream out, TransferProgress progress) throws IOException {
    byte[] buffer = dev.alcove.core.io.Buffers.perThread();
    int read;
    while ((read = in.read(buffer)) >= 0) {
      out.write(buffer, 0, read);
      progress.transferred(read);
    }
  }

  @Override
  public void close() {}
}
