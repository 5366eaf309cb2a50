package dev.alcove.core.errors;

/**
 * A problem with the user's data, catalogue or configuration: something the user can fix.
 *
 * <p>The message is one line that names the file, step or setting at fault and says what to do.
 * Anything else that goes wrong (a broken disk, a bug) surfaces as another exception type.
 */
public class AlcoveException extends RuntimeException {
  public AlcoveException(String message) {
    super(message);
  }

  public AlcoveException(String message, Throwable cause) {
    super(message, cause);
  }
}
