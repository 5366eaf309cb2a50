package dev.alcove.core.testing;

import dev.alcove.core.log.AlcoveLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A log that keeps what it is told, for tests that assert what alcove said: every info and warning
 * line in order (warnings prefixed {@code WARN }), the warnings alone, and debug lines apart.
 */
public final class RecordingLog implements AlcoveLog {
  public final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  public final List<String> debug = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void info(String message) {
    lines.add(message);
  }

  @Override
  public void warn(String message) {
    lines.add("WARN " + message);
    warnings.add(message);
  }

  @Override
  public void debug(String message) {
    debug.add(message);
  }
}
