package dev.alcove.core.store.config;

/** A setting's value, the name it was found under, and the source it came from. */
public record Found(String value, String key, String source) {

  /** {@code S3_BUCKET_NAME from the environment}, for messages; never the value. */
  public String where() {
    return key + " from " + source;
  }
}
