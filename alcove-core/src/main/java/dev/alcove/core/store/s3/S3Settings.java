package dev.alcove.core.store.s3;

import dev.alcove.core.http.HttpProxy;
import java.util.Optional;

/**
 * Where and how to reach an S3 bucket: the endpoint, the bucket and key prefix, where the
 * credentials come from, the region to sign for when the endpoint does not say, and path-style or
 * virtual-hosted addressing (empty: path-style except on AWS). {@link #toString()} never shows a
 * secret, so a settings value can be logged or put in a message safely.
 */
public record S3Settings(
    String endpoint,
    String bucket,
    String prefix,
    CredentialSource credentials,
    Optional<String> region,
    Optional<Boolean> pathStyle,
    Optional<HttpProxy> proxy) {

  private static final java.util.regex.Pattern USER_INFO =
      java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@");

  /** Refuses an endpoint that holds credentials, without repeating it: it would be logged. */
  public S3Settings {
    if (USER_INFO.matcher(endpoint).find()) {
      throw new dev.alcove.core.errors.AlcoveException(
          "the S3 endpoint URL holds a user name or password (user:password@host): remove them"
              + " from it, and give the keys as S3_ACCESS_KEY and S3_SECRET_KEY");
    }
  }

  /** Static keys, the region from the endpoint, path-style unless on AWS. */
  public S3Settings(
      String endpoint, String bucket, String prefix, String accessKey, String secretKey) {
    this(
        endpoint,
        bucket,
        prefix,
        CredentialSource.fixed(S3Credentials.of(accessKey, secretKey), "given keys"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Without a proxy. */
  public S3Settings(
      String endpoint,
      String bucket,
      String prefix,
      CredentialSource credentials,
      Optional<String> region,
      Optional<Boolean> pathStyle) {
    this(endpoint, bucket, prefix, credentials, region, pathStyle, Optional.empty());
  }

  public String accessKey() {
    return credentials.current().accessKey();
  }

  public String secretKey() {
    return credentials.current().secretKey();
  }

  /** {@code s3://bucket/prefix at endpoint}, for messages. */
  public String describe() {
    return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + " at " + endpoint;
  }

  @Override
  public String toString() {
    return "S3Settings["
        + describe()
        + region.map(r -> ", region " + r).orElse("")
        + proxy.map(p -> ", through " + p).orElse("")
        + ", credentials from "
        + credentials.describe()
        + "]";
  }
}
