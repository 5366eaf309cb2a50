package dev.alcove.maven;

import dev.alcove.core.log.AlcoveLog;
import org.apache.maven.plugin.logging.Log;

/** The core's log port, written to Maven's log. */
final class MavenLog implements AlcoveLog {
  private final Log log;

  MavenLog(Log log) {
    this.log = log;
  }

  @Override
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }

  @Override
  public void debug(String message) {
    log.debug(message);
  }
}
