package dev.alcove.core.store.s3;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.store.ObjectStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A folder under the bucket's {@code tmp/spark/} that a Spark cluster writes a table into through
 * S3A. Adopting it reads the one Parquet file once, as it streams by, for its SHA-256, then copies
 * it to its content address on the server. Folders left by a build that was killed are removed by a
 * later one, once a day old: a build elsewhere may still be writing a younger one.
 */
final class S3ClusterOutput implements ObjectStore.ClusterOutput {

  static final String FOLDER = "tmp/spark/";
  private static final Duration LEFT_BEHIND = Duration.ofDays(1);

  private final S3Store store;
  private final String folder;

  S3ClusterOutput(S3Store store) {
    this.store = store;
    removeLeftovers(store);
    this.folder = store.keyBeside(FOLDER + UUID.randomUUID()) + "/";
  }

  @Override
  public String location() {
    return store.clusterUri(folder.substring(0, folder.length() - 1));
  }

  @Override
  public Checksum adopt() {
    List<S3Client.Listed> parts =
        store.listKeys(folder).stream().filter(o -> o.key().endsWith(".parquet")).toList();
    if (parts.size() != 1) {
      throw new AlcoveException(
          "the Spark server wrote "
              + parts.size()
              + " Parquet files to "
              + location()
              + ", not one");
    }
    S3Client.Listed written = parts.get(0);
    Checksum checksum = store.checksumOf(written.key(), TransferProgress.NONE);
    store.adopt(written.key(), written.size(), checksum);
    discard();
    return checksum;
  }

  @Override
  public void discard() {
    for (S3Client.Listed object : store.listKeys(folder)) {
      store.deleteKey(object.key());
    }
  }

  private static void removeLeftovers(S3Store store) {
    Instant cutoff = Instant.now().minus(LEFT_BEHIND);
    try {
      for (S3Client.Listed object : store.listKeys(store.keyBeside(FOLDER))) {
        if (Instant.parse(object.lastModified()).isBefore(cutoff)) {
          store.deleteKey(object.key());
        }
      }
    } catch (RuntimeException e) {
      // Leftovers cost space, not correctness: the next build tries again.
    }
  }
}
