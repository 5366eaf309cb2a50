package dev.alcove.core.store;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.Folders;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.progress.TransferProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A folder under a local store's {@code tmp/spark/} that a Spark server on this machine (or one
 * that shares the folder) writes a table into. A folder left by a build that was killed is removed
 * by a later one, once it is a day old: a build elsewhere may still be writing a younger one.
 */
final class LocalClusterOutput implements ObjectStore.ClusterOutput {

  static final String FOLDER = "tmp/spark";
  private static final Duration LEFT_BEHIND = Duration.ofDays(1);

  private final LocalDirectoryStore store;
  private final Path folder;

  LocalClusterOutput(LocalDirectoryStore store, Path root) {
    this.store = store;
    Path scratch = root.resolve(FOLDER);
    removeLeftovers(scratch);
    this.folder = scratch.resolve(UUID.randomUUID().toString());
  }

  @Override
  public String location() {
    return folder.toAbsolutePath().toUri().toString();
  }

  @Override
  public Checksum adopt() {
    List<Path> parts;
    try (Stream<Path> files = Files.list(folder)) {
      parts = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw IoErrors.unchecked("the Spark server wrote nothing to " + folder, e);
    }
    if (parts.size() != 1) {
      throw new AlcoveException(
          "the Spark server wrote " + parts.size() + " Parquet files to " + folder + ", not one");
    }
    Checksum checksum = Sha256.ofFile(parts.get(0));
    store.upload(checksum, parts.get(0), TransferProgress.NONE);
    discard();
    return checksum;
  }

  @Override
  public void discard() {
    Folders.deleteQuietly(folder);
  }

  private static void removeLeftovers(Path scratch) {
    if (!Files.isDirectory(scratch)) {
      return;
    }
    Instant cutoff = Instant.now().minus(LEFT_BEHIND);
    try (Stream<Path> folders = Files.list(scratch)) {
      for (Path old : folders.toList()) {
        if (Files.getLastModifiedTime(old).toInstant().isBefore(cutoff)) {
          Folders.deleteQuietly(old);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Leftovers cost space, not correctness: the next build tries again.
    }
  }
}
