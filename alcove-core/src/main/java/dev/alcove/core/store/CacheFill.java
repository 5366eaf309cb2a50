package dev.alcove.core.store;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.Folders;
import dev.alcove.core.io.KernelCopy;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The cache's copy of an object being downloaded, written range by range as the ranges land, so
 * that the copy is done when the download is, not a pass over the whole object later. It becomes
 * the cached object only through {@link #keep}, once the download checked out; closed without it,
 * it leaves nothing behind. Without a cache to fill, it does nothing.
 */
final class CacheFill implements LandedRanges, AutoCloseable {

  private final Optional<LocalDirectoryStore> cache;
  private final Checksum checksum;
  private final Optional<Path> staged;
  private boolean kept;

  CacheFill(Optional<LocalDirectoryStore> cache, Checksum checksum) {
    this.cache = cache;
    this.checksum = checksum;
    this.staged = cache.map(c -> AtomicFiles.tempSibling(c.pathOf(checksum)));
  }

  /** What a download tells of its ranges: this, or no one when there is no cache to fill. */
  LandedRanges listener() {
    return staged.isPresent() ? this : LandedRanges.IGNORED;
  }

  @Override
  public void landed(FileChannel file, long start, long length) {
    // A channel per range: the kernel's copy writes at its channel's position, which ranges
    // landing at once on other threads must not move.
    try {
      Folders.ensure(staged.get().getParent());
      try (FileChannel out =
          FileChannel.open(staged.get(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        out.position(start);
        KernelCopy.range(file, start, start + length, out, "the download", copied -> {});
      }
    } catch (IOException e) {
      throw cache.get().cannotWrite(e);
    }
  }

  /** The download checked out: its copy becomes the cached object. */
  void keep() {
    if (staged.isPresent()) {
      cache.get().adopt(checksum, staged.get());
      kept = true;
    }
  }

  @Override
  public void close() {
    if (!kept) {
      staged.ifPresent(AtomicFiles::deleteQuietly);
    }
  }
}
