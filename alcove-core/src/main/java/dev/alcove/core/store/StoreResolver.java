package dev.alcove.core.store;

import dev.alcove.core.AlcoveException;
import dev.alcove.core.context.FrontEnd;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.s3.Retry;
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
 * Decides which store an alcove uses and opens it. Each S3 setting is taken from the first place
 * that has it: the plugin configuration (bucket, endpoint) or the settings.xml server (keys), then
 * the environment, then {@code .env} beside {@code alcove.yaml}. S3 is used when a bucket or an
 * endpoint is set anywhere; otherwise the local store.
 */
public final class StoreResolver {

  public static final String ACCESS_KEY = "S3_ACCESS_KEY";
  public static final String SECRET_KEY = "S3_SECRET_KEY";
  public static final String BUCKET = "S3_BUCKET_NAME";
  public static final String ENDPOINT = "S3_ENDPOINT_URL";

  private StoreResolver() {}

  public static Depot open(
      Path alcoveRoot, StoreOptions options, Map<String, String> environment, AlcoveLog log) {
    return open(s3Settings(alcoveRoot, options, environment, log), options, log);
  }

  /**
   * The store a snapshot uploads to, opened when the supplier is called; fails at once, before any
   * data is hashed, when Maven is offline and the store is remote.
   */
  public static Supplier<Depot> forUploads(
      Path alcoveRoot, StoreOptions options, Map<String, String> environment, AlcoveLog log) {
    Optional<S3Settings> s3 = s3Settings(alcoveRoot, options, environment, log);
    if (s3.isPresent() && options.offline()) {
      throw Depot.offlineUpload(s3.get().describe());
    }
    return () -> open(s3, options, log);
  }

  private static Depot open(Optional<S3Settings> s3, StoreOptions options, AlcoveLog log) {
    if (s3.isEmpty()) {
      LocalDirectoryStore store = new LocalDirectoryStore(options.localStore(), "local store");
      log.debug("using " + store.describe());
      return new Depot(store, Optional.empty(), false, log);
    }
    LocalDirectoryStore cache = LocalDirectoryStore.cache(options.cacheDir());
    if (options.offline()) {
      return new Depot(new OfflineStore(s3.get().describe()), Optional.of(cache), true, log);
    }
    S3Store store = S3Store.open(s3.get(), Retry.standard(log));
    log.debug("using " + store.describe());
    return new Depot(store, Optional.of(cache), false, log);
  }

  static Optional<S3Settings> s3Settings(
      Path alcoveRoot, StoreOptions options, Map<String, String> environment, AlcoveLog log) {
    Path dotEnvFile = alcoveRoot.resolve(".env");
    Map<String, String> dotEnv = DotEnv.read(dotEnvFile, log);
    Map<String, Optional<String>> found = new LinkedHashMap<>();
    found.put(BUCKET, first(options.bucket(), environment.get(BUCKET), dotEnv.get(BUCKET)));
    found.put(ENDPOINT, first(options.endpoint(), environment.get(ENDPOINT), dotEnv.get(ENDPOINT)));
    found.put(
        ACCESS_KEY,
        first(
            options.serverCredentials().map(StoreOptions.Credentials::accessKey),
            environment.get(ACCESS_KEY),
            dotEnv.get(ACCESS_KEY)));
    found.put(
        SECRET_KEY,
        first(
            options.serverCredentials().map(StoreOptions.Credentials::secretKey),
            environment.get(SECRET_KEY),
            dotEnv.get(SECRET_KEY)));
    if (found.get(BUCKET).isEmpty() && found.get(ENDPOINT).isEmpty()) {
      return Optional.empty();
    }
    List<String> missing = new ArrayList<>();
    found.forEach(
        (key, value) -> {
          if (value.isEmpty()) {
            missing.add(key);
          }
        });
    if (!missing.isEmpty()) {
      throw new AlcoveException(
          "S3 is configured but "
              + String.join(", ", missing)
              + (missing.size() == 1 ? " is" : " are")
              + " missing: looked in the plugin configuration, "
              + options.serverPlace()
              + ", the environment and "
              + dotEnvFile);
    }
    return Optional.of(
        new S3Settings(
            found.get(ENDPOINT).get(),
            found.get(BUCKET).get(),
            ObjectKeys.normalizePrefix(options.prefix()),
            found.get(ACCESS_KEY).get(),
            found.get(SECRET_KEY).get()));
  }

  private static Optional<String> first(Optional<String> configured, String... others) {
    if (configured.isPresent() && !configured.get().isBlank()) {
      return configured.map(String::strip);
    }
    for (String value : others) {
      if (value != null && !value.isBlank()) {
        return Optional.of(value.strip());
      }
    }
    return Optional.empty();
  }

  /** Stands in for S3 in offline mode: anything that would reach it fails, naming the store. */
  private record OfflineStore(String remote) implements ObjectStore {
    @Override
    public String describe() {
      return remote;
    }

    @Override
    public boolean contains(dev.alcove.core.checksum.Checksum checksum) {
      throw offline();
    }

    @Override
    public void upload(
        dev.alcove.core.checksum.Checksum checksum, Path file, TransferProgress progress) {
      throw offline();
    }

    @Override
    public dev.alcove.core.checksum.Checksum get(
        dev.alcove.core.checksum.Checksum checksum, Path target, TransferProgress progress) {
      throw offline();
    }

    @Override
    public Optional<byte[]> readEntry(String name, int maxBytes) {
      throw offline();
    }

    @Override
    public void writeEntry(String name, byte[] content) {
      throw offline();
    }

    @Override
    public List<StoredEntry> listEntries(String folder) {
      throw offline();
    }

    @Override
    public void deleteEntry(String name) {
      throw offline();
    }

    @Override
    public void delete(dev.alcove.core.checksum.Checksum checksum) {
      throw offline();
    }

    private AlcoveException offline() {
      return new AlcoveException(
          FrontEnd.words().offline() + ": " + remote + " cannot be reached; run again online");
    }

    @Override
    public void close() {}
  }
}
