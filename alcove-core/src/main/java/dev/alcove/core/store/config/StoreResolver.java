package dev.alcove.core.store.config;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.DotEnv;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.store.ObjectKeys;
import dev.alcove.core.store.ObjectStore;
import dev.alcove.core.store.OfflineStore;
import dev.alcove.core.store.s3.CredentialSource;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Credentials;
import dev.alcove.core.store.s3.S3Settings;
import dev.alcove.core.store.s3.S3Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides which store an alcove uses ({@link StoreSpec}) and opens it. Every setting comes from one
 * chain of named sources, first first: the plugin configuration, the settings.xml server (keys),
 * the environment, {@code .env} beside {@code alcove.yaml}, then the AWS CLI's files for the
 * profile. Within a source alcove's own names ({@code S3_*}, the Python tool's) come before AWS's.
 * S3 is used when a bucket, or alcove's own endpoint setting, is found anywhere; otherwise the
 * local store. Keys and their session token are taken together from one source; with none anywhere,
 * the AWS SDK's credential chain is asked, where the front end provides it.
 */
public final class StoreResolver {

  public static final String ACCESS_KEY = "S3_ACCESS_KEY";
  public static final String SECRET_KEY = "S3_SECRET_KEY";
  public static final String SESSION_TOKEN = "S3_SESSION_TOKEN";
  public static final String BUCKET = "S3_BUCKET_NAME";
  public static final String ENDPOINT = "S3_ENDPOINT_URL";
  public static final String AWS_ACCESS_KEY = "AWS_ACCESS_KEY_ID";
  public static final String AWS_SECRET_KEY = "AWS_SECRET_ACCESS_KEY";
  public static final String AWS_SESSION_TOKEN = "AWS_SESSION_TOKEN";
  public static final String AWS_REGION = "AWS_REGION";
  public static final String AWS_DEFAULT_REGION = "AWS_DEFAULT_REGION";
  public static final String AWS_PROFILE = "AWS_PROFILE";
  public static final String AWS_ENDPOINT_S3 = "AWS_ENDPOINT_URL_S3";
  public static final String AWS_ENDPOINT = "AWS_ENDPOINT_URL";

  private StoreResolver() {}

  public static Depot open(
      Path alcoveRoot, StoreOptions options, Map<String, String> environment, AlcoveLog log) {
    return open(spec(alcoveRoot, options, environment, log), options, log);
  }

  /**
   * The store a snapshot uploads to, opened when the supplier is called; fails at once, before any
   * data is hashed, when the front end works offline and the store is remote.
   */
  public static Supplier<Depot> forUploads(
      Path alcoveRoot, StoreOptions options, Map<String, String> environment, AlcoveLog log) {
    StoreSpec spec = spec(alcoveRoot, options, environment, log);
    if (spec instanceof StoreSpec.S3 && options.offline()) {
      throw Depot.offlineUpload(spec.describe());
    }
    return () -> open(spec, options, log);
  }

  /**
   * Opens the store with the local cache in front of it, which is asked first for every object;
   * offline, a remote store is replaced by {@link OfflineStore}, so only the cache serves.
   */
  public static Depot open(StoreSpec spec, StoreOptions options, AlcoveLog log) {
    LocalDirectoryStore cache = LocalDirectoryStore.cache(options.cacheDir());
    ObjectStore store;
    if (spec instanceof StoreSpec.S3 s3) {
      store =
          options.offline()
              ? new OfflineStore(s3.describe())
              : S3Store.open(s3.settings(), Retry.standard(log));
    } else {
      store = new LocalDirectoryStore(((StoreSpec.Local) spec).folder(), "local store");
    }
    log.debug("using " + store.describe());
    return new Depot(store, Optional.of(cache), log);
  }

  /** Which store the settings found in the chain describe. */
  public static StoreSpec spec(
      Path alcoveRoot, StoreOptions options, Map<String, String> environment, AlcoveLog log) {
    SettingChain chain = chain(alcoveRoot, options, environment, log);
    Optional<Found> bucket = chain.first(BUCKET);
    Optional<Found> ownEndpoint = chain.first(ENDPOINT);
    if (bucket.isEmpty() && ownEndpoint.isEmpty()) {
      return new StoreSpec.Local(options.localStore());
    }
    if (bucket.isEmpty()) {
      throw new AlcoveException(
          "S3 is configured ("
              + ownEndpoint.get().where()
              + ") but "
              + BUCKET
              + " is missing: looked in "
              + chain.places());
    }
    Optional<String> region = chain.first(AWS_REGION, AWS_DEFAULT_REGION).map(Found::value);
    String endpoint =
        chain
            .first(ENDPOINT, AWS_ENDPOINT_S3, AWS_ENDPOINT)
            .map(Found::value)
            .orElse("https://s3." + region.orElse("us-east-1") + ".amazonaws.com");
    return new StoreSpec.S3(
        new S3Settings(
            endpoint,
            bucket.get().value(),
            ObjectKeys.normalizePrefix(options.prefix()),
            credentials(chain, bucket.get(), options),
            region,
            options.pathStyle(),
            ProxySelection.forUrl(endpoint, options.proxies(), chain)));
  }

  /** The sources, first first; the AWS files are read for the profile the others name. */
  static SettingChain chain(
      Path alcoveRoot, StoreOptions options, Map<String, String> environment, AlcoveLog log) {
    List<SettingSource> sources = new ArrayList<>();
    Map<String, String> configured = new LinkedHashMap<>();
    options.bucket().ifPresent(value -> configured.put(BUCKET, value));
    options.endpoint().ifPresent(value -> configured.put(ENDPOINT, value));
    options.region().ifPresent(value -> configured.put(AWS_REGION, value));
    sources.add(new SettingSource("the plugin configuration", configured));
    Map<String, String> server = new LinkedHashMap<>();
    options
        .serverCredentials()
        .ifPresent(
            keys -> {
              server.put(ACCESS_KEY, keys.accessKey());
              server.put(SECRET_KEY, keys.secretKey());
            });
    sources.add(new SettingSource(options.serverPlace(), server));
    sources.add(new SettingSource("the environment", environment));
    Path dotEnvFile = alcoveRoot.resolve(".env");
    sources.add(new SettingSource(dotEnvFile.toString(), DotEnv.read(dotEnvFile, log)));
    String profile =
        new SettingChain(sources).first(AWS_PROFILE).map(Found::value).orElse("default");
    sources.addAll(AwsFiles.sources(environment, profile));
    return new SettingChain(sources);
  }

  /**
   * The keys and session token of the first source that holds an access key, all from that source;
   * with none anywhere, the front end's credential chain (the AWS SDK's), if it has one.
   */
  private static CredentialSource credentials(
      SettingChain chain, Found bucket, StoreOptions options) {
    Optional<SettingSource> holder = chain.firstHolding(ACCESS_KEY, AWS_ACCESS_KEY);
    if (holder.isPresent()) {
      SettingSource source = holder.get();
      boolean ownNames = source.get(ACCESS_KEY).isPresent();
      String accessName = ownNames ? ACCESS_KEY : AWS_ACCESS_KEY;
      String secretName = ownNames ? SECRET_KEY : AWS_SECRET_KEY;
      String secret =
          source
              .get(secretName)
              .orElseThrow(
                  () ->
                      new AlcoveException(
                          "S3 is configured but "
                              + secretName
                              + " is missing: "
                              + accessName
                              + " is in "
                              + source.name()
                              + ", and the secret must be given in the same place"));
      Optional<String> token =
          source
              .get(ownNames ? SESSION_TOKEN : AWS_SESSION_TOKEN)
              .or(() -> source.get("AWS_SECURITY_TOKEN"));
      return CredentialSource.fixed(
          new S3Credentials(source.get(accessName).orElseThrow(), secret, token),
          accessName + " from " + source.name());
    }
    String missing =
        "S3 is configured ("
            + bucket.where()
            + ") but "
            + ACCESS_KEY
            + ", "
            + SECRET_KEY
            + " are missing (or "
            + AWS_ACCESS_KEY
            + ", "
            + AWS_SECRET_KEY
            + ", with "
            + AWS_SESSION_TOKEN
            + " for temporary credentials): looked in "
            + chain.places();
    if (options.credentialChain().isEmpty()) {
      throw new AlcoveException(missing);
    }
    // The SDK reads only the process's environment: it must see the profile alcove chose, whether
    // from .env, the environment or the plugin's configuration.
    CredentialSource sdk =
        options.credentialChain().get().apply(chain.first(AWS_PROFILE).map(Found::value));
    return new CredentialSource() {
      @Override
      public S3Credentials current() {
        try {
          return sdk.current();
        } catch (AlcoveException e) {
          throw new AlcoveException(missing + ", and " + e.getMessage(), e);
        }
      }

      @Override
      public String describe() {
        return sdk.describe();
      }
    };
  }
}
