package dev.alcove.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.config.LocalStoreKind;
import dev.alcove.core.store.config.S3StoreKind;
import dev.alcove.core.store.config.StoreConfiguration;
import dev.alcove.core.store.config.StoreOptions;
import dev.alcove.core.store.config.StoreResolver;
import dev.alcove.core.store.config.StoreSpec;
import dev.alcove.core.store.s3.CredentialSource;
import dev.alcove.core.store.s3.S3Credentials;
import dev.alcove.core.store.s3.S3Settings;
import dev.alcove.core.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreResolverTest {

  @TempDir Path root;

  @Test
  void noBucketMeansTheLocalStoreWhateverAwsSettingsTheShellHas() {
    assertThat(spec(Optional.empty(), Optional.empty(), Map.of()))
        .isInstanceOf(LocalStoreKind.Spec.class);
    assertThat(
            spec(
                Optional.empty(),
                Optional.empty(),
                Map.of(
                    "AWS_REGION",
                    "eu-west-1",
                    "AWS_ACCESS_KEY_ID",
                    "AKIA",
                    "AWS_ENDPOINT_URL",
                    "http://x")))
        .isInstanceOf(LocalStoreKind.Spec.class);
  }

  @Test
  void anUploadWhileOfflineFailsBeforeAnythingIsOpenedOrHashed() {
    StoreOptions offline =
        new StoreOptions(
            root.resolve("cache"),
            configured(
                root.resolve("store"),
                Optional.of("bucket"),
                Optional.of("http://127.0.0.1:9"),
                ""),
            Optional.of(new StoreOptions.Credentials("key", "secret")),
            "server 'alcove'",
            true);
    assertThatThrownBy(() -> StoreResolver.forUploads(root, offline, Map.of(), AlcoveLog.SILENT))
        .isInstanceOf(AlcoveException.class)
        .hasMessage(
            "working offline: cannot upload to s3://bucket at http://127.0.0.1:9; run again"
                + " online");
    StoreOptions local =
        new StoreOptions(
            root.resolve("cache"),
            configured(root.resolve("store"), Optional.empty(), Optional.empty(), ""),
            Optional.empty(),
            "server 'alcove'",
            true);
    try (Depot depot = StoreResolver.forUploads(root, local, Map.of(), AlcoveLog.SILENT).get()) {
      assertThat(depot.describe()).startsWith("local store");
    }
  }

  @Test
  void pomBeatsEnvironmentBeatsDotEnvAndServerKeysBeatBoth() throws Exception {
    Files.writeString(
        root.resolve(".env"),
        "# comment\nexport S3_BUCKET_NAME=from-dotenv\nS3_ENDPOINT_URL=\"http://dotenv:9000\"\nS3_ACCESS_KEY=dotenv-key\nS3_SECRET_KEY='dotenv-secret'\n");
    S3Settings fromDotEnv = s3(Optional.empty(), Map.of());
    assertThat(fromDotEnv.endpoint()).isEqualTo("http://dotenv:9000");
    assertThat(fromDotEnv.bucket()).isEqualTo("from-dotenv");
    assertThat(fromDotEnv.credentials().current())
        .isEqualTo(S3Credentials.of("dotenv-key", "dotenv-secret"));
    assertThat(fromDotEnv.credentials().describe())
        .isEqualTo("S3_ACCESS_KEY from " + root.resolve(".env"));

    S3Settings fromEnv =
        s3(
            Optional.empty(),
            Map.of(
                "S3_BUCKET_NAME",
                "from-env",
                "S3_ACCESS_KEY",
                "env-key",
                "S3_SECRET_KEY",
                "env-secret"));
    assertThat(fromEnv.bucket()).isEqualTo("from-env");
    assertThat(fromEnv.credentials().current())
        .isEqualTo(S3Credentials.of("env-key", "env-secret"));

    StoreOptions pom =
        new StoreOptions(
            root,
            configured(root, Optional.of("from-pom"), Optional.empty(), "/team/"),
            Optional.of(new StoreOptions.Credentials("server-key", "server-secret")),
            "server 'alcove'",
            false);
    S3Settings fromPom =
        ((S3StoreKind.Spec)
                StoreResolver.spec(
                    root, pom, env(Map.of("S3_BUCKET_NAME", "from-env")), AlcoveLog.SILENT))
            .settings();
    assertThat(fromPom.bucket()).isEqualTo("from-pom");
    assertThat(fromPom.prefix()).isEqualTo("team");
    assertThat(fromPom.credentials().current())
        .isEqualTo(S3Credentials.of("server-key", "server-secret"));
    assertThat(fromPom.toString()).doesNotContain("server-secret");
  }

  @Test
  void theSdkChainIsAskedForTheProfileAlcoveChoseWhereverItWasSet() throws Exception {
    Files.writeString(root.resolve(".env"), "AWS_PROFILE=team\nS3_BUCKET_NAME=lake\n");
    java.util.List<Optional<String>> asked = new java.util.ArrayList<>();
    StoreOptions options =
        new StoreOptions(
            root.resolve("cache"),
            configured(
                root.resolve("store"), Optional.empty(), Optional.of("http://127.0.0.1:9"), ""),
            Optional.empty(),
            "server 'alcove'",
            false,
            Optional.of(
                profile -> {
                  asked.add(profile);
                  return CredentialSource.fixed(S3Credentials.of("team-key", "s"), "the SDK");
                }),
            Map.of(),
            dev.alcove.core.frontend.FrontEnd.NEUTRAL);
    S3Settings fromDotEnv =
        ((S3StoreKind.Spec) StoreResolver.spec(root, options, env(Map.of()), AlcoveLog.SILENT))
            .settings();
    assertThat(fromDotEnv.credentials().current().accessKey()).isEqualTo("team-key");
    Files.writeString(root.resolve(".env"), "S3_BUCKET_NAME=lake\n");
    ((S3StoreKind.Spec)
            StoreResolver.spec(root, options, env(Map.of("AWS_PROFILE", "ci")), AlcoveLog.SILENT))
        .settings()
        .credentials()
        .current();
    Files.writeString(root.resolve(".env"), "S3_BUCKET_NAME=lake\n");
    ((S3StoreKind.Spec) StoreResolver.spec(root, options, env(Map.of()), AlcoveLog.SILENT))
        .settings()
        .credentials()
        .current();
    assertThat(asked).containsExactly(Optional.of("team"), Optional.of("ci"), Optional.empty());
  }

  @Test
  void awsNamesGiveTemporaryCredentialsAndTheRegionGivesTheEndpoint() {
    S3Settings settings =
        s3(
            Optional.of("team-lake"),
            Map.of(
                "AWS_ACCESS_KEY_ID", "ASIATEMP",
                "AWS_SECRET_ACCESS_KEY", "temp-secret",
                "AWS_SESSION_TOKEN", "token-123",
                "AWS_DEFAULT_REGION", "eu-central-1"));
    assertThat(settings.endpoint()).isEqualTo("https://s3.eu-central-1.amazonaws.com");
    assertThat(settings.region()).contains("eu-central-1");
    assertThat(settings.credentials().current())
        .isEqualTo(new S3Credentials("ASIATEMP", "temp-secret", Optional.of("token-123")));
    assertThat(settings.toString()).doesNotContain("temp-secret", "token-123");

    // alcove's own names win within a source, and the endpoint names come in their order.
    S3Settings both =
        s3(
            Optional.of("b"),
            Map.of(
                "S3_ACCESS_KEY",
                "own",
                "S3_SECRET_KEY",
                "own-secret",
                "AWS_ACCESS_KEY_ID",
                "aws",
                "AWS_SECRET_ACCESS_KEY",
                "aws-secret",
                "AWS_ENDPOINT_URL",
                "http://general:1",
                "AWS_ENDPOINT_URL_S3",
                "http://s3-only:2"));
    assertThat(both.credentials().current().accessKey()).isEqualTo("own");
    assertThat(both.endpoint()).isEqualTo("http://s3-only:2");
  }

  @Test
  void theAwsFilesProfileNamedByAwsProfileGivesKeysAndRegion() throws Exception {
    Files.writeString(
        root.resolve("aws-credentials"),
        "[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = default-secret\n"
            + "[team]\naws_access_key_id = TEAMKEY\naws_secret_access_key = team-secret\n"
            + "aws_session_token = team-token\n");
    Files.writeString(
        root.resolve("aws-config"),
        "[default]\nregion = us-west-2\n[profile team]\nregion = eu-north-1\n");
    S3Settings team = s3(Optional.of("lake"), Map.of("AWS_PROFILE", "team"));
    assertThat(team.credentials().current())
        .isEqualTo(new S3Credentials("TEAMKEY", "team-secret", Optional.of("team-token")));
    assertThat(team.region()).contains("eu-north-1");
    assertThat(team.endpoint()).isEqualTo("https://s3.eu-north-1.amazonaws.com");
    S3Settings byDefault = s3(Optional.of("lake"), Map.of());
    assertThat(byDefault.credentials().current().accessKey()).isEqualTo("DEFAULTKEY");
    assertThat(byDefault.credentials().describe())
        .isEqualTo("AWS_ACCESS_KEY_ID from " + root.resolve("aws-credentials") + " [default]");
    // The environment comes before the files.
    assertThat(
            s3(
                    Optional.of("lake"),
                    Map.of("AWS_ACCESS_KEY_ID", "ENVKEY", "AWS_SECRET_ACCESS_KEY", "s"))
                .credentials()
                .current()
                .accessKey())
        .isEqualTo("ENVKEY");
  }

  @Test
  void missingKeysNameEverySourceLookedInAndNoSecret() {
    assertThatThrownBy(() -> s3(Optional.of("b"), Map.of("S3_SECRET_KEY", "hush-123")))
        .isInstanceOf(AlcoveException.class)
        .hasMessageStartingWith(
            "S3 is configured (S3_BUCKET_NAME from the plugin configuration) but S3_ACCESS_KEY,"
                + " S3_SECRET_KEY are missing (or AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, with"
                + " AWS_SESSION_TOKEN for temporary credentials): looked in the plugin"
                + " configuration, server 'alcove', the environment, "
                + root.resolve(".env"))
        .hasMessageContaining(root.resolve("aws-credentials") + " [default]")
        .hasMessageContaining(root.resolve("aws-config") + " [default]")
        .hasMessageNotContaining("hush-123");
    assertThatThrownBy(() -> s3(Optional.empty(), Map.of("S3_ENDPOINT_URL", "http://minio:9000")))
        .hasMessageStartingWith(
            "S3 is configured (S3_ENDPOINT_URL from the environment) but S3_BUCKET_NAME is missing");
    assertThatThrownBy(() -> s3(Optional.of("b"), Map.of("AWS_ACCESS_KEY_ID", "AKIA")))
        .hasMessage(
            "S3 is configured but AWS_SECRET_ACCESS_KEY is missing: AWS_ACCESS_KEY_ID is in the"
                + " environment, and the secret must be given in the same place");
  }

  @Test
  void eachKindChecksItsOwnSettingsAndThePomMayChooseTheKind() {
    assertThatThrownBy(() -> pom(Optional.of("gcs"), Map.of()))
        .hasMessage("no store kind 'gcs': alcove knows s3, local");
    assertThatThrownBy(() -> pom(Optional.empty(), Map.of("s3", Map.of("bukcet", "lake"))))
        .hasMessage("pom <store>: the s3 store has no setting 'bukcet' (did you mean bucket?)");
    assertThatThrownBy(() -> pom(Optional.of("local"), Map.of("s3", Map.of("bucket", "lake"))))
        .hasMessage(
            "pom <store> chooses the local store, but s3 settings are given too (bucket): remove"
                + " them, or choose s3");
    assertThatThrownBy(
            () ->
                StoreResolver.spec(
                    root,
                    options(pom(Optional.empty(), Map.of("s3", Map.of("pathStyle", "yes")))),
                    env(Map.of("S3_BUCKET_NAME", "b", "S3_ACCESS_KEY", "k", "S3_SECRET_KEY", "s")),
                    AlcoveLog.SILENT))
        .hasMessage("pom <store>: pathStyle is 'yes': true (path-style) or false (virtual-hosted)");
    // Naming the local store keeps it, whatever bucket the shell or .env has.
    Map<String, String> bucketInEnvironment = Map.of("S3_BUCKET_NAME", "lake");
    assertThat(
            StoreResolver.spec(
                root,
                options(pom(Optional.of("local"), Map.of("local", Map.of("folder", "/data")))),
                env(bucketInEnvironment),
                AlcoveLog.SILENT))
        .isEqualTo(new LocalStoreKind.Spec(Path.of("/data")));
    // Naming S3 without a bucket anywhere says so, rather than falling back to the local store.
    assertThatThrownBy(
            () ->
                StoreResolver.spec(
                    root,
                    options(pom(Optional.of("s3"), Map.of())),
                    env(Map.of()),
                    AlcoveLog.SILENT))
        .hasMessageStartingWith(
            "S3 is configured (pom <store>) but S3_BUCKET_NAME is missing: looked in the plugin"
                + " configuration");
    S3Settings nested =
        ((S3StoreKind.Spec)
                StoreResolver.spec(
                    root,
                    options(
                        pom(
                            Optional.of("s3"),
                            Map.of(
                                "s3",
                                Map.of("bucket", "lake", "prefix", "team", "pathStyle", "false")))),
                    env(Map.of("S3_ACCESS_KEY", "k", "S3_SECRET_KEY", "s")),
                    AlcoveLog.SILENT))
            .settings();
    assertThat(nested.bucket()).isEqualTo("lake");
    assertThat(nested.prefix()).isEqualTo("team");
    assertThat(nested.pathStyle()).contains(false);
  }

  private static StoreConfiguration pom(
      Optional<String> kind, Map<String, Map<String, String>> settings) {
    return new StoreConfiguration(kind, settings, "pom <store>");
  }

  private StoreOptions options(StoreConfiguration configured) {
    return new StoreOptions(
        root.resolve("cache"), configured, Optional.empty(), "server 'alcove'", false);
  }

  @Test
  void garbageDotEnvLinesAreSkippedWithoutEchoingThem() throws Exception {
    Files.writeString(
        root.resolve(".env"), "S3_BUCKET_NAME=b\nthis is garbage with hush-456\n=novalue\n");
    RecordingLog log = new RecordingLog();
    assertThat(DotEnv.read(root.resolve(".env"), log))
        .containsExactly(Map.entry("S3_BUCKET_NAME", "b"));
    assertThat(log.warnings)
        .hasSize(2)
        .allMatch(w -> !w.contains("hush-456"))
        .first()
        .asString()
        .contains(".env:2");
  }

  private StoreSpec spec(
      Optional<String> bucket, Optional<String> endpoint, Map<String, String> environment) {
    return StoreResolver.spec(root, options(bucket, endpoint), env(environment), AlcoveLog.SILENT);
  }

  private S3Settings s3(Optional<String> bucket, Map<String, String> environment) {
    return ((S3StoreKind.Spec) spec(bucket, Optional.empty(), environment)).settings();
  }

  /** The environment, with the AWS files in the test's folder rather than the user's home. */
  private Map<String, String> env(Map<String, String> environment) {
    Map<String, String> all = new java.util.HashMap<>(environment);
    all.put("AWS_SHARED_CREDENTIALS_FILE", root.resolve("aws-credentials").toString());
    all.put("AWS_CONFIG_FILE", root.resolve("aws-config").toString());
    return all;
  }

  private StoreOptions options(Optional<String> bucket, Optional<String> endpoint) {
    return new StoreOptions(
        root.resolve("cache"),
        configured(root.resolve("store"), bucket, endpoint, ""),
        Optional.empty(),
        "server 'alcove'",
        false);
  }

  /** The pom's settings: the local folder, and the S3 bucket, endpoint and prefix where given. */
  static StoreConfiguration configured(
      Path folder, Optional<String> bucket, Optional<String> endpoint, String prefix) {
    Map<String, String> s3 = new java.util.HashMap<>();
    bucket.ifPresent(value -> s3.put("bucket", value));
    endpoint.ifPresent(value -> s3.put("endpoint", value));
    s3.put("prefix", prefix);
    return new StoreConfiguration(
        Optional.empty(),
        Map.of("local", Map.of("folder", folder.toString()), "s3", s3),
        "the plugin configuration");
  }
}
