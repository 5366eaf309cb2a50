package dev.alcove.core.store.config;

import dev.alcove.core.io.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A profile of the AWS CLI's files, {@code ~/.aws/credentials} and {@code ~/.aws/config} (or {@code
 * AWS_SHARED_CREDENTIALS_FILE} and {@code AWS_CONFIG_FILE}), read as sources of static keys, region
 * and endpoint under the environment's names. Profiles that need more than reading (SSO, {@code
 * role_arn}, {@code credential_process}) are left to the AWS SDK's chain.
 */
public final class AwsFiles {

  private static final Map<String, String> AS_ENVIRONMENT =
      Map.of(
          "aws_access_key_id", "AWS_ACCESS_KEY_ID",
          "aws_secret_access_key", "AWS_SECRET_ACCESS_KEY",
          "aws_session_token", "AWS_SESSION_TOKEN",
          "region", "AWS_REGION",
          "endpoint_url", "AWS_ENDPOINT_URL");

  private AwsFiles() {}

  /** The profile's sources: the credentials file, then the config file. */
  public static List<SettingSource> sources(Map<String, String> environment, String profile) {
    Path home = Path.of(System.getProperty("user.home"), ".aws");
    Path credentials =
        Path.of(
            environment.getOrDefault(
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString()));
    Path config =
        Path.of(environment.getOrDefault("AWS_CONFIG_FILE", home.resolve("config").toString()));
    return List.of(
        new SettingSource(
            credentials + " [" + profile + "]", asEnvironment(section(credentials, profile))),
        new SettingSource(
            config + " [" + profile + "]",
            asEnvironment(
                section(config, profile.equals("default") ? "default" : "profile " + profile))));
  }

  private static Map<String, String> asEnvironment(Map<String, String> values) {
    Map<String, String> mapped = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (AS_ENVIRONMENT.containsKey(key)) {
            mapped.put(AS_ENVIRONMENT.get(key), value);
          }
        });
    return mapped;
  }

  /**
   * The {@code key = value} lines of one {@code [section]} of an INI file, keys in lower case; an
   * absent file is an empty section. Indented lines (nested settings such as {@code s3 =}) are
   * skipped.
   */
  static Map<String, String> section(Path file, String name) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> lines;
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > (1 << 20)) {
        return values;
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return values;
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + file, e);
    }
    boolean inside = false;
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
        continue;
      }
      if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
        inside = trimmed.substring(1, trimmed.length() - 1).strip().equals(name);
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (inside && equals > 0 && !Character.isWhitespace(line.charAt(0))) {
        values.put(
            trimmed.substring(0, equals).strip().toLowerCase(Locale.ROOT),
            trimmed.substring(equals + 1).strip());
      }
    }
    return values;
  }
}
