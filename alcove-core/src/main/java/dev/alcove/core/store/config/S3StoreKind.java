package dev.alcove.core.store.config;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.http.ProxySelection;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.ObjectKeys;
import dev.alcove.core.store.ObjectStore;
import dev.alcove.core.store.s3.CredentialSource;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Credentials;
import dev.alcove.core.store.s3.S3Settings;
import dev.alcove.core.store.s3.S3Store;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An S3 bucket, on AWS or any server that speaks S3. Meant when a bucket, or alcove's own endpoint
 * setting, is found anywhere. Keys and their session token are taken together from one source; with
 * none anywhere, the AWS SDK's credential chain is asked, where the front end provides it.
 */
public final class S3StoreKind implements StoreKind {

  public static final S3StoreKind INSTANCE = new S3StoreKind();

  public static final String ACCESS_KEY = "S3_ACCESS_KEY";
  public static final String SECRET_KEY = "S3_SECRET_KEY";
  static final String SESSION_TOKEN = "S3_SESSION_TOKEN";
  static final String BUCKET = "S3_BUCKET_NAME";
  static final String ENDPOINT = "S3_ENDPOINT_URL";
  static final String AWS_ACCESS_KEY = "AWS_ACCESS_KEY_ID";
  static final String AWS_SECRET_KEY = "AWS_SECRET_ACCESS_KEY";
  static final String AWS_SESSION_TOKEN = "AWS_SESSION_TOKEN";
  static final String AWS_REGION = "AWS_REGION";
  static final String AWS_DEFAULT_REGION = "AWS_DEFAULT_REGION";
  static final String AWS_ENDPOINT_S3 = "AWS_ENDPOINT_URL_S3";
  static final String AWS_ENDPOINT = "AWS_ENDPOINT_URL";

  private static final List<StoreSetting> SETTINGS =
      List.of(
          new StoreSetting("bucket", "alcove.bucket", List.of(BUCKET), "The S3 bucket."),
          new StoreSetting(
              "endpoint",
              "alcove.endpoint",
              List.of(ENDPOINT, AWS_ENDPOINT_S3, AWS_ENDPOINT),
              "The S3 endpoint URL, e.g. https://s3.eu-central-1.amazonaws.com or"
                  + " http://localhost:9000. On AWS a bucket and a region are enough."),
          new StoreSetting(
              "region",
              "alcove.region",
              List.of(AWS_REGION, AWS_DEFAULT_REGION),
              "The bucket's region, e.g. eu-central-1. Other servers take the region their host"
                  + " names (Backblaze B2), auto (Cloudflare R2, Google Cloud Storage) or"
                  + " us-east-1."),
          new StoreSetting(
              "prefix",
              "alcove.prefix",
              List.of(),
              "A key prefix inside the bucket, e.g. team/alcove: objects go under it."),
          new StoreSetting(
              "pathStyle",
              "alcove.pathStyle",
              List.of(),
              "true: path-style addressing (https://endpoint/bucket/key); false: virtual-hosted"
                  + " (https://bucket.endpoint/key), which access points need. Default:"
                  + " virtual-hosted on AWS when the bucket name allows it, path-style elsewhere."));

  private S3StoreKind() {}

  @Override
  public String name() {
    return "s3";
  }

  @Override
  public String description() {
    return "an S3 bucket (AWS, MinIO, Cloudflare R2, Backblaze B2, ...), used when a bucket or"
        + " S3_ENDPOINT_URL is found in the configuration, the environment or .env";
  }

  @Override
  public List<StoreSetting> settings() {
    return SETTINGS;
  }

  @Override
  public boolean meant(SettingChain chain) {
    return chain.first(BUCKET).isPresent() || chain.first(ENDPOINT).isPresent();
  }

  @Override
  public StoreSpec spec(Map<String, String> configured, SettingChain chain, StoreOptions options) {
    Optional<Found> bucket = chain.first(BUCKET);
    if (bucket.isEmpty()) {
      throw new AlcoveException(
          "S3 is configured ("
              + chain.first(ENDPOINT).map(Found::where).orElse(options.configured().where())
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
    return new Spec(
        new S3Settings(
            endpoint,
            bucket.get().value(),
            ObjectKeys.normalizePrefix(configured.getOrDefault("prefix", "")),
            credentials(chain, bucket.get(), options),
            region,
            pathStyle(configured, options),
            ProxySelection.forUrl(endpoint, options.proxies(), chain.asProxyVariables())));
  }

  private static Optional<Boolean> pathStyle(Map<String, String> configured, StoreOptions options) {
    String value = configured.get("pathStyle");
    if (value == null) {
      return Optional.empty();
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw new AlcoveException(
          options.configured().where()
              + ": pathStyle is '"
              + value
              + "': true (path-style) or false (virtual-hosted)");
    }
    return Optional.of(Boolean.parseBoolean(value));
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
        options
            .credentialChain()
            .get()
            .apply(chain.first(StoreResolver.AWS_PROFILE).map(Found::value));
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

  /** An S3 bucket, with where each of its settings was found. */
  public record Spec(S3Settings settings) implements StoreSpec {
    @Override
    public String describe() {
      return settings.describe();
    }

    @Override
    public boolean remote() {
      return true;
    }

    @Override
    public ObjectStore open(AlcoveLog log, FrontEnd frontEnd) {
      return S3Store.open(settings, Retry.standard(log));
    }
  }
}
