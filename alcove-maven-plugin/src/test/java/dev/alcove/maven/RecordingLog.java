package dev.alcove.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that also keeps every info and warning line, for assertions. */
final class RecordingLog extends SystemStreamLog {
  final List<String> lines = new ArrayList<>();

  @Override
  public void info(CharSequence content) {
    lines.add(content.toString());
  }

  @Override
  public void warn(CharSequence content) {
    lines.add("WARN " + content);
  }
}
