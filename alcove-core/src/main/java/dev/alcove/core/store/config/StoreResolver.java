package dev.alcove.core.store.config;

import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.http.HttpProxy;
import dev.alcove.core.http.ProxySelection;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.DotEnv;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.store.ObjectStore;
import dev.alcove.core.store.OfflineStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides which store an alcove uses ({@link StoreSpec}) and opens it. Every setting comes from one
 * chain of named sources, first first: the plugin configuration, the settings.xml server (keys),
 * the environment, {@code .env} beside {@code alcove.yaml}, then the AWS CLI's files for the
 * profile. Within a source alcove's own names ({@code S3_*}, the Python tool's) come before AWS's.
 * The kind is the one the pom names, else the first of {@link StoreKinds#ALL} that the settings
 * found mean; the kind resolves its own settings.
 */
public final class StoreResolver {

  public static final String AWS_PROFILE = "AWS_PROFILE";

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
    if (spec.remote() && options.offline()) {
      throw Depot.offlineUpload(options.frontEnd().offline(), spec.describe());
    }
    return () -> open(spec, options, log);
  }

  /**
   * Opens the store with the local cache in front of it, which is asked first for every object;
   * offline, a remote store is replaced by {@link OfflineStore}, so only the cache serves.
   */
  public static Depot open(StoreSpec spec, StoreOptions options, AlcoveLog log) {
    FrontEnd frontEnd = options.frontEnd();
    LocalDirectoryStore cache =
        LocalDirectoryStore.cache(
            options.cacheDir(),
            "set " + frontEnd.set(Setting.CACHE_DIR, "<folder>") + " to a folder you can write");
    ObjectStore store =
        spec.remote() && options.offline()
            ? new OfflineStore(spec.describe(), frontEnd.offline())
            : spec.open(log, frontEnd);
    log.debug("using " + store.describe());
    return new Depot(store, Optional.of(cache), log);
  }

  /**
   * The proxy each URL goes through, chosen as for the store: the front end's proxies, else {@code
   * HTTPS_PROXY} / {@code HTTP_PROXY} with {@code NO_PROXY} from the environment or {@code .env}.
   */
  public static Function<String, Optional<HttpProxy>> proxies(
      Path alcoveRoot, StoreOptions options, Map<String, String> environment, AlcoveLog log) {
    ProxySelection.Variables variables =
        chain(alcoveRoot, options, environment, log).asProxyVariables();
    return url -> ProxySelection.forUrl(url, options.proxies(), variables);
  }

  /** Which store the settings found in the chain describe. */
  public static StoreSpec spec(
      Path alcoveRoot, StoreOptions options, Map<String, String> environment, AlcoveLog log) {
    SettingChain chain = chain(alcoveRoot, options, environment, log);
    StoreConfiguration configured = options.configured();
    StoreKind kind =
        configured
            .kind()
            .map(StoreKinds::named)
            .orElseGet(
                () ->
                    StoreKinds.ALL.stream()
                        .filter(candidate -> candidate.meant(chain))
                        .findFirst()
                        .orElseThrow());
    return kind.spec(configured.of(kind), chain, options);
  }

  /**
   * The sources, first first; the AWS files are read for the profile the others name. The plugin
   * configuration holds each configured setting under its first environment name, so that it wins
   * over the environment's.
   */
  static SettingChain chain(
      Path alcoveRoot, StoreOptions options, Map<String, String> environment, AlcoveLog log) {
    List<SettingSource> sources = new ArrayList<>();
    Map<String, String> configured = new LinkedHashMap<>();
    for (StoreKind kind : StoreKinds.ALL) {
      Map<String, String> given = options.configured().of(kind);
      for (StoreSetting setting : kind.settings()) {
        if (!setting.environment().isEmpty() && given.containsKey(setting.name())) {
          configured.put(setting.environment().get(0), given.get(setting.name()));
        }
      }
    }
    sources.add(new SettingSource("the plugin configuration", configured));
    Map<String, String> server = new LinkedHashMap<>();
    options
        .serverCredentials()
        .ifPresent(
            keys -> {
              server.put(S3StoreKind.ACCESS_KEY, keys.accessKey());
              server.put(S3StoreKind.SECRET_KEY, keys.secretKey());
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
}
