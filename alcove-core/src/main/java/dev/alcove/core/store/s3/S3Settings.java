package dev.alcove.core.store.s3;

/**
 * Where and how to reach an S3 bucket. {@link #toString()} never shows the secret key, so a
 * settings value can be logged or put in a message safely.
 */
public record S3Settings(
    String endpoint, String bucket, String prefix, String accessKey, String secretKey) {

  /** {@code s3://bucket/prefix at endpoint}, for messages. */
  public String describe() {
    return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + " at " + endpoint;
  }

  @Override
  public String toString() {
    return "S3Settings[" + describe() + ", accessKey=" + accessKey + ", secretKey=****]";
  }
}
