package dev.alcove.core.store.s3;

/**
 * Where and how to reach an S3 bucket. {@link #toString()} never shows the secret key, so a
 * settings value can be logged or put in a message safely.
 */
public record S3Settings(
    String endpoint, String bucket, String prefix, String accessKey, String secretKey) {

  private static final java.util.regex.Pattern USER_INFO =
      java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@");

  /** Refuses an endpoint that holds credentials, without repeating it: it would be logged. */
  public S3Settings {
    if (USER_INFO.matcher(endpoint).find()) {
      throw new dev.alcove.core.AlcoveException(
          "the S3 endpoint URL holds a user name or password (user:password@host): remove them"
              + " from it, and give the keys as S3_ACCESS_KEY and S3_SECRET_KEY");
    }
  }

  /** {@code s3://bucket/prefix at endpoint}, for messages. */
  public String describe() {
    return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + " at " + endpoint;
  }

  @Override
  public String toString() {
    return "S3Settings[" + describe() + ", accessKey=" + accessKey + ", secretKey=****]";
  }
}
