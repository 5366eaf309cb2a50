package dev.alcove.core.store;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.progress.TransferProgress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Stands in for a remote store when the front end works offline (Maven's {@code -o}): anything that
 * would reach it fails, naming the store. Offline mode is this wrapper and nothing else: the depot
 * in front of it serves what its cache holds.
 */
public record OfflineStore(String remote) implements ObjectStore {
  @Override
  public String describe() {
    return remote;
  }

  @Override
  public boolean contains(dev.alcove.core.checksum.Checksum checksum) {
    throw offline();
  }

  @Override
  public void upload(
      dev.alcove.core.checksum.Checksum checksum, Path file, TransferProgress progress) {
    throw offline();
  }

  @Override
  public dev.alcove.core.checksum.Checksum get(
      dev.alcove.core.checksum.Checksum checksum, Path target, TransferProgress progress) {
    throw offline();
  }

  @Override
  public Optional<byte[]> readEntry(String name, int maxBytes) {
    throw offline();
  }

  @Override
  public void writeEntry(String name, byte[] content) {
    throw offline();
  }

  @Override
  public List<StoredEntry> listEntries(String folder) {
    throw offline();
  }

  @Override
  public void deleteEntry(String name) {
    throw offline();
  }

  @Override
  public void delete(dev.alcove.core.checksum.Checksum checksum) {
    throw offline();
  }

  private AlcoveException offline() {
    return new AlcoveException(
        FrontEnd.words().offline() + ": " + remote + " cannot be reached; run again online");
  }

  @Override
  public void close() {}
}
