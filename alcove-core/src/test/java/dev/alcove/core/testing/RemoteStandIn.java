package dev.alcove.core.testing;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.store.ObjectStore;
import dev.alcove.core.store.StoredEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A folder that a depot takes for a remote store (it fills its cache in front of it), for tests of
 * the cache that need no server.
 */
public final class RemoteStandIn implements ObjectStore {

  private final LocalDirectoryStore folder;

  public RemoteStandIn(LocalDirectoryStore folder) {
    this.folder = folder;
  }

  @Override
  public String describe() {
    return "remote stand-in " + folder.root();
  }

  @Override
  public boolean contains(Checksum checksum) {
    return folder.contains(checksum);
  }

  @Override
  public void upload(Checksum checksum, Path file, TransferProgress progress) {
    folder.upload(checksum, file, progress);
  }

  @Override
  public Checksum get(Checksum checksum, Path target, TransferProgress progress) {
    return folder.get(checksum, target, progress);
  }

  @Override
  public Optional<byte[]> readEntry(String name, int maxBytes) {
    return folder.readEntry(name, maxBytes);
  }

  @Override
  public void writeEntry(String name, byte[] content) {
    folder.writeEntry(name, content);
  }

  @Override
  public List<StoredEntry> listEntries(String prefix) {
    return folder.listEntries(prefix);
  }

  @Override
  public void deleteEntry(String name) {
    folder.deleteEntry(name);
  }

  @Override
  public void delete(Checksum checksum) {
    folder.delete(checksum);
  }

  @Override
  public void close() {}
}
