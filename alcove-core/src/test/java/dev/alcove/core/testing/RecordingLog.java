package dev.alcove.core.testing;

import dev.alcove.core.log.AlcoveLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A log that keeps its warnings, for tests that assert what alcove warned about. */
public final class RecordingLog implements AlcoveLog {
  public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void info(String message) {}

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  @Override
  public void debug(String message) {}
}
