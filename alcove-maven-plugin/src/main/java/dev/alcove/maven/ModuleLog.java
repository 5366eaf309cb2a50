package dev.alcove.maven;

import org.apache.maven.plugin.logging.Log;

/**
 * Maven's log with the module's name before every line, for a reactor that builds modules in
 * parallel: their lines interleave, and nothing else tells them apart.
 */
final class ModuleLog implements Log {

  private final Log log;
  private final String prefix;

  ModuleLog(Log log, String module) {
    this.log = log;
    this.prefix = "[" + module + "] ";
  }

  private CharSequence prefixed(CharSequence content) {
    return prefix + content;
  }

  @Override
  public boolean isDebugEnabled() {
    return log.isDebugEnabled();
  }

  @Override
  public void debug(CharSequence content) {
    log.debug(prefixed(content));
  }

  @Override
  public void debug(CharSequence content, Throwable error) {
    log.debug(prefixed(content), error);
  }

  @Override
  public void debug(Throwable error) {
    log.debug(prefixed(String.valueOf(error)), error);
  }

  @Override
  public boolean isInfoEnabled() {
    return log.isInfoEnabled();
  }

  @Override
  public void info(CharSequence content) {
    log.info(prefixed(content));
  }

  @Override
  public void info(CharSequence content, Throwable error) {
    log.info(prefixed(content), error);
  }

  @Override
  public void info(Throwable error) {
    log.info(prefixed(String.valueOf(error)), error);
  }

  @Override
  public boolean isWarnEnabled() {
    return log.isWarnEnabled();
  }

  @Override
  public void warn(CharSequence content) {
    log.warn(prefixed(content));
  }

  @Override
  public void warn(CharSequence content, Throwable error) {
    log.warn(prefixed(content), error);
  }

  @Override
  public void warn(Throwable error) {
    log.warn(prefixed(String.valueOf(error)), error);
  }

  @Override
  public boolean isErrorEnabled() {
    return log.isErrorEnabled();
  }

  @Override
  public void error(CharSequence content) {
    log.error(prefixed(content));
  }

  @Override
  public void error(CharSequence content, Throwable error) {
    log.error(prefixed(content), error);
  }

  @Override
  public void error(Throwable error) {
    log.error(prefixed(String.valueOf(error)), error);
  }
}
