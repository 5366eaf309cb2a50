package dev.alcove.core.store.config;

import java.util.List;

/**
 * One setting of a store kind, as the front end offers it and help describes it: its name inside
 * the kind ({@code bucket}: {@code <store><s3><bucket>} in the pom), the flat property that sets it
 * too ({@code alcove.bucket}), the environment names it is also read from, first first ({@code
 * S3_BUCKET_NAME}; none for a setting only the configuration gives), and what it means.
 */
public record StoreSetting(
    String name, String property, List<String> environment, String description) {

  public StoreSetting {
    environment = List.copyOf(environment);
  }
}
