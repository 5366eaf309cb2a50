package dev.alcove.core.store.s3;

/**
 * Where a request's credentials come from, asked before every request: fixed keys, or a provider
 * that renews temporary credentials before they expire (one-hour sessions outlast no long run).
 */
public interface CredentialSource {

  S3Credentials current();

  /** Where the credentials were found, for messages: never a secret. */
  String describe();

  static CredentialSource fixed(S3Credentials credentials, String where) {
    return new CredentialSource() {
      @Override
      public S3Credentials current() {
        return credentials;
      }

      @Override
      public String describe() {
        return where;
      }

      @Override
      public String toString() {
        return "CredentialSource[" + where + ", " + credentials + "]";
      }
    };
  }
}
