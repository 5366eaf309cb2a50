package dev.alcove.core.text;

/**
 * Text from outside (a store, a colleague's sidecar, a server's headers) made safe to print: it is
 * data, so it must not start a new log line, move the cursor, colour the terminal or reorder what
 * follows it.
 */
public final class Printable {

  private Printable() {}

  /**
   * {@code text} with every control character (line breaks, escape sequences, C1 controls) and
   * every bidirectional override replaced by {@code U+FFFD}.
   */
  public static String of(String text) {
    StringBuilder printable = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsafe(c)) {
        if (printable == null) {
          printable = new StringBuilder(text.length()).append(text, 0, i);
        }
        printable.append('\uFFFD');
      } else if (printable != null) {
        printable.append(c);
      }
    }
    return printable == null ? text : printable.toString();
  }

  /** Whether {@code text} would print as it is. */
  public static boolean is(String text) {
    return of(text).equals(text);
  }

  private static boolean isUnsafe(char c) {
    return Character.isISOControl(c)
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u2028'
        || c == '\u2029';
  }
}
