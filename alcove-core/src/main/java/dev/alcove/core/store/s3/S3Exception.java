package dev.alcove.core.store.s3;

import java.io.IOException;
import java.util.Optional;

/** An S3 request the server answered with an error: its HTTP status and S3 error code. */
final class S3Exception extends IOException {

  private final int status;
  private final String code;
  private final Optional<String> region;

  S3Exception(int status, String code, String message, Optional<String> region) {
    super(code + ": " + message);
    this.status = status;
    this.code = code;
    this.region = region;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** The bucket's region, when the server said the request was signed for another one. */
  Optional<String> region() {
    return region;
  }
}
