package dev.alcove.core.store.config;

import dev.alcove.core.http.HttpProxy;
import dev.alcove.core.store.s3.CredentialSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the user configured about stores, before the environment and {@code .env} are consulted.
 *
 * @param localStore the folder of the local store, used when no S3 is configured
 * @param cacheDir the local cache in front of S3
 * @param bucket S3 bucket from the plugin configuration, overriding S3_BUCKET_NAME
 * @param endpoint S3 endpoint from the plugin configuration, overriding S3_ENDPOINT_URL
 * @param prefix key prefix inside the bucket
 * @param serverCredentials access and secret key from a settings.xml server, if one was found
 * @param serverPlace how that server is named in messages, e.g. {@code <server> 'alcove' in
 *     settings.xml}
 * @param offline Maven's offline mode: nothing may touch the network
 * @param region the region to sign for, overriding AWS_REGION
 * @param pathStyle path-style (true) or virtual-hosted (false) addressing; empty: path-style except
 *     on AWS
 * @param credentialChain where credentials come from when no static keys are found anywhere (the
 *     AWS SDK's default chain, which the Maven plugin loads only then), for the AWS profile that
 *     alcove's own settings name ({@code AWS_PROFILE} from any source alcove reads), if any
 * @param proxies the front end's proxies by protocol ({@code http}, {@code https}): Maven's active
 *     {@code <proxies>}; they win over {@code HTTPS_PROXY} and {@code HTTP_PROXY}
 */
public record StoreOptions(
    Path localStore,
    Path cacheDir,
    Optional<String> bucket,
    Optional<String> endpoint,
    String prefix,
    Optional<Credentials> serverCredentials,
    String serverPlace,
    boolean offline,
    Optional<String> region,
    Optional<Boolean> pathStyle,
    Optional<Function<Optional<String>, CredentialSource>> credentialChain,
    Map<String, HttpProxy> proxies) {

  /** Without a region, addressing style or credential chain of its own. */
  public StoreOptions(
      Path localStore,
      Path cacheDir,
      Optional<String> bucket,
      Optional<String> endpoint,
      String prefix,
      Optional<Credentials> serverCredentials,
      String serverPlace,
      boolean offline) {
    this(
        localStore,
        cacheDir,
        bucket,
        endpoint,
        prefix,
        serverCredentials,
        serverPlace,
        offline,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of());
  }

  /** An access key and its secret; {@link #toString()} hides the secret. */
  public record Credentials(String accessKey, String secretKey) {
    @Override
    public String toString() {
      return "Credentials[accessKey=" + accessKey + ", secretKey=****]";
    }
  }

  /**
   * The default local store when nothing else is configured: {@code ~/.local/share/alcove/store}.
   */
  public static Path defaultLocalStore() {
    return Path.of(System.getProperty("user.home"), ".local", "share", "alcove", "store");
  }

  /** The default cache, shared with the Python tool: {@code ~/.cache/alcove}. */
  public static Path defaultCache() {
    return Path.of(System.getProperty("user.home"), ".cache", "alcove");
  }
}
