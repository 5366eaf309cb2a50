package dev.alcove.core.store.config;

import dev.alcove.core.store.s3.S3Settings;
import java.nio.file.Path;

/** Which store an alcove uses: a folder on this machine, or an S3 location. */
public sealed interface StoreSpec {

  /** Where the store is, for messages: never a secret. */
  String describe();

  /** The local store, used when no S3 bucket is configured anywhere. */
  record Local(Path folder) implements StoreSpec {
    @Override
    public String describe() {
      return "local store " + folder.toAbsolutePath().normalize();
    }
  }

  /** An S3 bucket, with where each of its settings was found. */
  record S3(S3Settings settings) implements StoreSpec {
    @Override
    public String describe() {
      return settings.describe();
    }
  }
}
