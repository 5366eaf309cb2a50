package dev.alcove.core.store.s3;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
import java.io.IOException;

/**
 * Retries a store call that failed for a passing reason (a 5xx answer, a dropped connection) with
 * exponential backoff; a definite answer (403, 404) is not retried.
 */
public final class Retry {

  private final int attempts;
  private final long firstDelayMillis;
  private final AlcoveLog log;

  public Retry(int attempts, long firstDelayMillis, AlcoveLog log) {
    this.attempts = Math.max(1, attempts);
    this.firstDelayMillis = firstDelayMillis;
    this.log = log;
  }

  public static Retry standard(AlcoveLog log) {
    return new Retry(4, 500, log);
  }

  /** The last error of a call that failed every attempt, or failed for good. */
  static final class Failure extends RuntimeException {
    Failure(Exception cause) {
      super(cause.getMessage(), cause);
    }
  }

  <T> T call(String what, S3Store.S3Call<T> call) {
    long delay = firstDelayMillis;
    boolean timedOutBefore = false;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.call();
      } catch (AlcoveException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        boolean timedOut = isReadTimeout(rootCause(e));
        // A server that kept silent for the whole read timeout twice will not answer a third time.
        if (attempt >= attempts || !isTransient(e) || (timedOut && timedOutBefore)) {
          throw new Failure(e);
        }
        timedOutBefore |= timedOut;
        log.warn(
            "S3: "
                + what
                + " failed ("
                + rootCause(e).getClass().getSimpleName()
                + "), attempt "
                + attempt
                + " of "
                + attempts
                + "; retrying in "
                + delay
                + " ms");
        sleep(delay);
        delay *= 2;
      }
    }
  }

  /** S3 error codes worth another attempt: the server's passing trouble, or a clock to correct. */
  private static final java.util.Set<String> TRANSIENT_CODES =
      java.util.Set.of(
          "InternalError",
          "SlowDown",
          "ServiceUnavailable",
          "RequestTimeout",
          "RequestTimeTooSkewed");

  /**
   * A passing failure, wherever it sits in the cause chain: an I/O error such as a dropped
   * connection, a 5xx answer, S3's InternalError, SlowDown or RequestTimeout, or a clock skew the
   * client has since corrected. A host name that does not resolve or a TLS failure is for good:
   * trying again only delays the message.
   */
  static boolean isTransient(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof S3Exception answer) {
        return answer.status() >= 500 || TRANSIENT_CODES.contains(answer.code());
      }
      if (e instanceof java.net.UnknownHostException || e instanceof javax.net.ssl.SSLException) {
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
  static boolean isReadTimeout(Throwable root) {
    return root instanceof java.net.SocketTimeoutException
        && root.getMessage() != null
        && root.getMessage().toLowerCase(java.util.Locale.ROOT).contains("read timed out");
  }

  /** The innermost cause: the error that says what went wrong. */
  static Throwable rootCause(Throwable error) {
    Throwable e = error;
    while (e.getCause() != null && e.getCause() != e) {
      e = e.getCause();
    }
    return e;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
