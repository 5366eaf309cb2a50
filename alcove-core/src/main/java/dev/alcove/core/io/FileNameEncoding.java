package dev.alcove.core.io;

import dev.alcove.core.errors.AlcoveException;
import java.nio.file.InvalidPathException;
import java.util.Optional;

/**
 * How this JVM turns file names into text. It decides once, at start-up, from the locale: where the
 * locale is not UTF-8 ({@code LANG} unset, as in many containers and CI images), a name that is not
 * ASCII can be listed but not opened again from its text, and Java fails with "Malformed input or
 * input contains unmappable characters". Nothing can change that once the JVM runs, so such a
 * failure is reported as what it is, with the fix.
 */
public final class FileNameEncoding {

  private FileNameEncoding() {}

  /** The encoding of file names, e.g. {@code UTF-8} or {@code ANSI_X3.4-1968}. */
  public static String current() {
    return System.getProperty("sun.jnu.encoding", "UTF-8");
  }

  public static boolean isUnicode() {
    String encoding = current().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    return encoding.equals("UTF8");
  }

  /** The one-line error for a file name this JVM cannot handle, naming the locale and the fix. */
  public static AlcoveException localeProblem(String name) {
    String lang = System.getenv("LANG");
    return new AlcoveException(
        "cannot handle the file name "
            + name
            + ": this JVM reads file names as "
            + current()
            + ", because the locale is not UTF-8 (LANG is "
            + (lang == null || lang.isBlank() ? "unset" : lang)
            + "); run again with LANG=C.UTF-8 (e.g. export LANG=C.UTF-8)");
  }

  /** The locale problem behind {@code error}, if that is what it is. */
  public static Optional<AlcoveException> explain(Throwable error) {
    if (isUnicode()) {
      return Optional.empty();
    }
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof InvalidPathException invalid) {
        return Optional.of(localeProblem(invalid.getInput()));
      }
    }
    return Optional.empty();
  }
}
