package dev.alcove.core.store;

import dev.alcove.core.log.AlcoveLog;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports a long transfer in the log as it goes: bytes done of the total, at most one line every
 * few seconds, never a line per chunk. Safe to feed from several upload threads.
 */
public final class ProgressReporter implements TransferProgress {

  private static final long INTERVAL_NANOS = 3_000_000_000L;

  private final AlcoveLog log;
  private final String action;
  private final long total;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong lastReport;

  public ProgressReporter(AlcoveLog log, String action, long total) {
    this.log = log;
    this.action = action;
    this.total = total;
    this.lastReport = new AtomicLong(System.nanoTime());
  }

  @Override
  public void transferred(long bytes) {
    long now = done.addAndGet(bytes);
    long last = lastReport.get();
    long time = System.nanoTime();
    if (time - last >= INTERVAL_NANOS && lastReport.compareAndSet(last, time)) {
      log.info(line(now));
    }
  }

  /** The closing line, e.g. {@code uploaded 1.0 GiB of 1.0 GiB (100%)}. */
  public String line(long bytes) {
    if (total <= 0) {
      return action + " " + human(bytes);
    }
    long percent = total == 0 ? 100 : Math.min(100, bytes * 100 / total);
    return action + " " + human(bytes) + " of " + human(total) + " (" + percent + "%)";
  }

  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
