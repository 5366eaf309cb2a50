package dev.alcove.core.http;

/**
 * How long a request may wait: to connect, and for each read of the answer.
 *
 * @param connectMillis for the connection to open
 * @param readMillis for the next bytes of an answer; a server that took the request and then says
 *     nothing is not left to hold a build for many minutes
 */
public record HttpTimeouts(int connectMillis, int readMillis) {

  /** As the AWS CLI's defaults: 15 s to connect, 60 s between bytes. */
  public static final HttpTimeouts STANDARD = new HttpTimeouts(15_000, 60_000);

  /** With another read timeout. */
  public HttpTimeouts reading(int millis) {
    return new HttpTimeouts(connectMillis, millis);
  }
}
