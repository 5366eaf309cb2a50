package dev.alcove.core.checksum;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A digester that adds the size of each file it is asked about to a tally. */
final class TallyingDigester implements FileDigester {

  private final FileDigester inner;
  private final AtomicLong tally;
  private final LongSupplier bytesRead;

  TallyingDigester(FileDigester inner, AtomicLong tally, LongSupplier bytesRead) {
    this.inner = inner;
    this.tally = tally;
    this.bytesRead = bytesRead;
  }

  @Override
  public Checksum checksum(Path file) {
    Checksum checksum = inner.checksum(file);
    tally.addAndGet(file.toFile().length());
    return checksum;
  }

  @Override
  public long bytesRead() {
    return bytesRead.getAsLong();
  }
}
