package dev.alcove.core.progress;

import dev.alcove.core.log.AlcoveLog;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports a long transfer or hash in the log as it goes: bytes (or files) done of the total, with a
 * percentage once the total is known, at most one line every few seconds, never a line per chunk.
 * Safe to feed from several threads.
 */
public final class ProgressReporter implements TransferProgress {

  private static final long INTERVAL_NANOS = 3_000_000_000L;

  private final AlcoveLog log;
  private final String action;
  private final long intervalNanos;
  private final AtomicLong total;
  private final long totalFiles;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong filesDone = new AtomicLong();
  private final AtomicLong lastReport;

  /** Bytes of {@code total} (0: unknown until a store says, see {@link #expect}). */
  public ProgressReporter(AlcoveLog log, String action, long total) {
    this(log, action, total, 0, INTERVAL_NANOS);
  }

  /** Files of {@code totalFiles}, whose sizes are not known beforehand, with the bytes so far. */
  public static ProgressReporter ofFiles(AlcoveLog log, String action, long totalFiles) {
    return new ProgressReporter(log, action, 0, totalFiles, INTERVAL_NANOS);
  }

  ProgressReporter(AlcoveLog log, String action, long total, long totalFiles, long intervalNanos) {
    this.log = log;
    this.action = action;
    this.total = new AtomicLong(total);
    this.totalFiles = totalFiles;
    this.intervalNanos = intervalNanos;
    this.lastReport = new AtomicLong(System.nanoTime());
  }

  @Override
  public void expect(long bytes) {
    total.compareAndSet(0, bytes);
  }

  @Override
  public void transferred(long bytes) {
    done.addAndGet(bytes);
    maybeReport();
  }

  /** The bytes transferred so far. */
  public long bytesDone() {
    return done.get();
  }

  /** One more of the files done. */
  public void fileDone() {
    filesDone.incrementAndGet();
    maybeReport();
  }

  private void maybeReport() {
    long last = lastReport.get();
    long time = System.nanoTime();
    if (time - last >= intervalNanos && lastReport.compareAndSet(last, time)) {
      log.info(line());
    }
  }

  /** The line for now, e.g. {@code restoring x: 1.0 GiB of 4.0 GiB (25%)}. */
  public String line() {
    long bytes = done.get();
    if (totalFiles > 0) {
      long files = filesDone.get();
      return action
          + " "
          + files
          + " of "
          + totalFiles
          + " files ("
          + Math.min(100, files * 100 / totalFiles)
          + "%), "
          + human(bytes);
    }
    long of = total.get();
    if (of <= 0) {
      return action + " " + human(bytes);
    }
    return action
        + " "
        + human(bytes)
        + " of "
        + human(of)
        + " ("
        + Math.min(100, bytes * 100 / of)
        + "%)";
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
