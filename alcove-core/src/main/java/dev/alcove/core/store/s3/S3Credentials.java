package dev.alcove.core.store.s3;

import java.util.Optional;

/**
 * An access key, its secret and, for temporary credentials (an assumed role, SSO, a CI's OIDC
 * session), the session token that must go with them. {@link #toString()} shows neither secret.
 */
public record S3Credentials(String accessKey, String secretKey, Optional<String> sessionToken) {

  public static S3Credentials of(String accessKey, String secretKey) {
    return new S3Credentials(accessKey, secretKey, Optional.empty());
  }

  @Override
  public String toString() {
    return "S3Credentials[accessKey="
        + accessKey
        + ", secretKey=****"
        + sessionToken.map(t -> ", sessionToken=****").orElse("")
        + "]";
  }
}
