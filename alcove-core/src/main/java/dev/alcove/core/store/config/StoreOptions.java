package dev.alcove.core.store.config;

import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.http.HttpProxy;
import dev.alcove.core.store.s3.CredentialSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the front end gives every store kind, before the environment and {@code .env} are consulted.
 *
 * @param cacheDir the local cache in front of a remote store
 * @param configured the store settings of the pom and the flat properties, by kind
 * @param serverCredentials access and secret key from a settings.xml server, if one was found
 * @param serverPlace how that server is named in messages, e.g. {@code <server> 'alcove' in
 *     settings.xml}
 * @param offline Maven's offline mode: nothing may touch the network
 * @param credentialChain where credentials come from when no static keys are found anywhere (the
 *     AWS SDK's default chain, which the Maven plugin loads only then), for the AWS profile that
 *     alcove's own settings name ({@code AWS_PROFILE} from any source alcove reads), if any
 * @param proxies the front end's proxies by protocol ({@code http}, {@code https}): Maven's active
 *     {@code <proxies>}; they win over {@code HTTPS_PROXY} and {@code HTTP_PROXY}
 * @param frontEnd whose words the stores' messages use
 */
public record StoreOptions(
    Path cacheDir,
    StoreConfiguration configured,
    Optional<Credentials> serverCredentials,
    String serverPlace,
    boolean offline,
    Optional<Function<Optional<String>, CredentialSource>> credentialChain,
    Map<String, HttpProxy> proxies,
    FrontEnd frontEnd) {

  /** Without a credential chain or proxies of the front end's. */
  public StoreOptions(
      Path cacheDir,
      StoreConfiguration configured,
      Optional<Credentials> serverCredentials,
      String serverPlace,
      boolean offline) {
    this(
        cacheDir,
        configured,
        serverCredentials,
        serverPlace,
        offline,
        Optional.empty(),
        Map.of(),
        FrontEnd.NEUTRAL);
  }

  /** An access key and its secret; {@link #toString()} hides the secret. */
  public record Credentials(String accessKey, String secretKey) {
    @Override
    public String toString() {
      return "Credentials[accessKey=" + accessKey + ", secretKey=****]";
    }
  }

  /** The folder of the local store these options name, configured or the default one. */
  public Path localStore() {
    return LocalStoreKind.folder(configured.of(LocalStoreKind.INSTANCE));
  }

  /** The default cache, shared with the Python tool: {@code ~/.cache/alcove}. */
  public static Path defaultCache() {
    return Path.of(System.getProperty("user.home"), ".cache", "alcove");
  }
}
