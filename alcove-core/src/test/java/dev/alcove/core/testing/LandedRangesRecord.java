package dev.alcove.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.store.LandedRanges;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The ranges a download told of, from whichever threads they landed on. */
public final class LandedRangesRecord implements LandedRanges {

  private final ConcurrentLinkedQueue<long[]> ranges = new ConcurrentLinkedQueue<>();

  @Override
  public void landed(FileChannel file, long start, long length) {
    ranges.add(new long[] {start, length});
  }

  /** Every byte of an object of {@code size} bytes was told of exactly once. */
  public void assertTiles(long size) {
    List<long[]> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingLong(range -> range[0]));
    assertThat(sorted).as("ranges told of").isNotEmpty();
    long next = 0;
    for (long[] range : sorted) {
      assertThat(range[0]).as("a range starts where the one before ended").isEqualTo(next);
      next += range[1];
    }
    assertThat(next).as("the ranges end where the object does").isEqualTo(size);
  }
}
