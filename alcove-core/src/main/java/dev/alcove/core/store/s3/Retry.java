package dev.alcove.core.store.s3;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.http.Retrying;
import dev.alcove.core.log.AlcoveLog;
import java.io.IOException;
import java.util.Set;

/**
 * The retry policy of S3 calls, on the shared {@link Retrying}: a 5xx answer, S3's own passing
 * error codes or a dropped connection are tried again with backoff; a definite answer (403, 404) is
 * not, nor a third silent read timeout.
 */
public final class Retry {

  private final Retrying retrying;
  private final AlcoveLog log;

  public Retry(int attempts, long firstDelayMillis, AlcoveLog log) {
    this.retrying = new Retrying(attempts, firstDelayMillis);
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
    boolean[] timedOutBefore = {false};
    try {
      return retrying.call(
          call::call,
          failure -> {
            if (failure instanceof AlcoveException || !isTransient(failure)) {
              return false;
            }
            // A server that kept silent for the whole read timeout twice will not answer a third.
            boolean timedOut = Retrying.isReadTimeout(Retrying.rootCause(failure));
            boolean again = !(timedOut && timedOutBefore[0]);
            timedOutBefore[0] |= timedOut;
            return again;
          },
          (failure, attempt, attempts, delay) ->
              log.warn(
                  "S3: "
                      + what
                      + " failed ("
                      + Retrying.rootCause(failure).getClass().getSimpleName()
                      + "), attempt "
                      + attempt
                      + " of "
                      + attempts
                      + "; retrying in "
                      + delay
                      + " ms"));
    } catch (AlcoveException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new Failure(e);
    } catch (Exception e) {
      throw new IllegalStateException("an S3 call threw " + e, e);
    }
  }

  /** S3 error codes worth another attempt: the server's passing trouble, or a clock to correct. */
  private static final Set<String> TRANSIENT_CODES =
      Set.of(
          "InternalError",
          "SlowDown",
          "ServiceUnavailable",
          "RequestTimeout",
          "RequestTimeTooSkewed");

  /**
   * A passing failure: S3's answer says so (a 5xx, InternalError, SlowDown, RequestTimeout, or a
   * clock skew the client has since corrected), or the network's does ({@link
   * Retrying#isPassingNetworkFailure}).
   */
  static boolean isTransient(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof S3Exception answer) {
        return answer.status() >= 500 || TRANSIENT_CODES.contains(answer.code());
      }
    }
    return Retrying.isPassingNetworkFailure(error);
  }
}
