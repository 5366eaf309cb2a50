package dev.alcove.core.store;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.progress.TransferProgress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Stands in for a remote store when the front end works offline (Maven's {@code -o}): anything that
 * would reach it fails, naming the store. Offline mode is this wrapper and nothing else: the depot
 * in front of it serves what its cache holds.
 */
public record OfflineStore(String location, String reason) implements ObjectStore {
  @Override
  public String describe() {
    return location;
  }

  @Override
  public Optional<String> offline() {
    return Optional.of(reason);
  }

  @Override
  public boolean contains(dev.alcove.core.checksum.Checksum checksum) {
    throw unreachable();
  }

  @Override
  public void upload(
      dev.alcove.core.checksum.Checksum checksum, Path file, TransferProgress progress) {
    throw unreachable();
  }

  @Override
  public dev.alcove.core.checksum.Checksum get(
      dev.alcove.core.checksum.Checksum checksum, Path target, TransferProgress progress) {
    throw unreachable();
  }

  @Override
  public Optional<byte[]> readEntry(String name, int maxBytes) {
    throw unreachable();
  }

  @Override
  public void writeEntry(String name, byte[] content) {
    throw unreachable();
  }

  @Override
  public List<StoredEntry> listEntries(String folder) {
    throw unreachable();
  }

  @Override
  public void deleteEntry(String name) {
    throw unreachable();
  }

  @Override
  public void delete(dev.alcove.core.checksum.Checksum checksum) {
    throw unreachable();
  }

  private AlcoveException unreachable() {
    return new AlcoveException(reason + ": " + location + " cannot be reached; run again online");
  }

  @Override
  public void close() {}
}
