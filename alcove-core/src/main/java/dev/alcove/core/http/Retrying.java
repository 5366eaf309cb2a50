package dev.alcove.core.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Tries a network call again after a passing failure, waiting twice as long each time, as S3
 * transfers and dataset downloads both do; a failure for good, the last attempt, or a wait that
 * would pass the deadline ends it with the last failure.
 *
 * @param attempts how many times in all, at least one
 * @param firstDelayMillis the wait before the second attempt
 */
public record Retrying(int attempts, long firstDelayMillis) {

  public Retrying {
    attempts = Math.max(1, attempts);
  }

  /** One attempt at the call. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run() throws Exception;
  }

  /** Says, for each failure, whether another attempt is worth it; it may remember earlier ones. */
  @FunctionalInterface
  public interface Judge {
    boolean worthAnother(Exception failure);
  }

  /** Told before each wait, to say what failed and when the next attempt comes. */
  @FunctionalInterface
  public interface Listener {
    void retrying(Exception failure, int attempt, int attempts, long delayMillis);
  }

  /**
   * Runs {@code attempt} until it succeeds; throws the last failure when {@code judge} says it is
   * for good, when attempts run out, or when the next wait would end after {@code deadlineNanos}
   * (as {@link System#nanoTime()} counts).
   */
  public <T> T call(Attempt<T> attempt, Judge judge, Listener listener, long deadlineNanos)
      throws Exception {
    long delay = firstDelayMillis;
    for (int tried = 1; ; tried++) {
      try {
        return attempt.run();
      } catch (Exception e) {
        if (tried >= attempts
            || !judge.worthAnother(e)
            || System.nanoTime() + delay * 1_000_000L - deadlineNanos > 0) {
          throw e;
        }
        listener.retrying(e, tried, attempts, delay);
        try {
          Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        delay *= 2;
      }
    }
  }

  /** No deadline but the attempts. */
  public <T> T call(Attempt<T> attempt, Judge judge, Listener listener) throws Exception {
    return call(attempt, judge, listener, System.nanoTime() + Long.MAX_VALUE / 2);
  }

  /**
   * A network failure worth another attempt, wherever it sits in the cause chain: an I/O error such
   * as a dropped connection. A host name that does not resolve or a TLS failure is for good: trying
   * again only delays the message.
   */
  public static boolean isPassingNetworkFailure(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof UnknownHostException || e instanceof SSLException) {
        return false;
      }
    }
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** A request sent, and no answer within the read timeout (not a connection that failed). */
  public static boolean isReadTimeout(Throwable root) {
    return root instanceof SocketTimeoutException
        && root.getMessage() != null
        && root.getMessage().toLowerCase(Locale.ROOT).contains("read timed out");
  }

  /** The innermost cause: the error that says what went wrong. */
  public static Throwable rootCause(Throwable error) {
    Throwable e = error;
    while (e.getCause() != null && e.getCause() != e) {
      e = e.getCause();
    }
    return e;
  }
}
