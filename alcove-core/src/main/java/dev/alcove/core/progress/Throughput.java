package dev.alcove.core.progress;

import java.util.Locale;

/** "1.0 GiB in 0.8 s (1.3 GiB/s)", for log lines about long work. */
public final class Throughput {
  private Throughput() {}

  public static String describe(long bytes, long nanos) {
    double seconds = Math.max(nanos, 1) / 1e9;
    return String.format(
        Locale.ROOT,
        "%s in %.2f s (%s/s)",
        ProgressReporter.human(bytes),
        seconds,
        ProgressReporter.human((long) (bytes / seconds)));
  }
}
