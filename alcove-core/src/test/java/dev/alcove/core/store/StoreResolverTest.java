package dev.alcove.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
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
  void noS3SettingMeansTheLocalStore() {
    assertThat(
            StoreResolver.s3Settings(
                root, options(Optional.empty(), Optional.empty()), Map.of(), AlcoveLog.SILENT))
        .isEmpty();
  }

  @Test
  void anUploadWhileOfflineFailsBeforeAnythingIsOpenedOrHashed() {
    StoreOptions offline =
        new StoreOptions(
            root.resolve("store"),
            root.resolve("cache"),
            Optional.of("bucket"),
            Optional.of("http://127.0.0.1:9"),
            "",
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
            root.resolve("store"),
            root.resolve("cache"),
            Optional.empty(),
            Optional.empty(),
            "",
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
    S3Settings fromDotEnv =
        StoreResolver.s3Settings(
                root, options(Optional.empty(), Optional.empty()), Map.of(), AlcoveLog.SILENT)
            .orElseThrow();
    assertThat(fromDotEnv)
        .isEqualTo(
            new S3Settings("http://dotenv:9000", "from-dotenv", "", "dotenv-key", "dotenv-secret"));

    S3Settings fromEnv =
        StoreResolver.s3Settings(
                root,
                options(Optional.empty(), Optional.empty()),
                Map.of("S3_BUCKET_NAME", "from-env", "S3_SECRET_KEY", "env-secret"),
                AlcoveLog.SILENT)
            .orElseThrow();
    assertThat(fromEnv.bucket()).isEqualTo("from-env");
    assertThat(fromEnv.secretKey()).isEqualTo("env-secret");

    StoreOptions pom =
        new StoreOptions(
            root,
            root,
            Optional.of("from-pom"),
            Optional.empty(),
            "/team/",
            Optional.of(new StoreOptions.Credentials("server-key", "server-secret")),
            "server 'alcove'",
            false);
    S3Settings fromPom =
        StoreResolver.s3Settings(root, pom, Map.of("S3_BUCKET_NAME", "from-env"), AlcoveLog.SILENT)
            .orElseThrow();
    assertThat(fromPom)
        .isEqualTo(
            new S3Settings(
                "http://dotenv:9000", "from-pom", "team", "server-key", "server-secret"));
    assertThat(fromPom.toString()).doesNotContain("server-secret");
  }

  @Test
  void incompleteSettingsNameEveryMissingKeyAndWhereItLooked() {
    assertThatThrownBy(
            () ->
                StoreResolver.s3Settings(
                    root,
                    options(Optional.of("b"), Optional.empty()),
                    Map.of("S3_SECRET_KEY", "hush-123"),
                    AlcoveLog.SILENT))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("S3_ENDPOINT_URL, S3_ACCESS_KEY are missing")
        .hasMessageContaining("server 'alcove'")
        .hasMessageContaining("the environment")
        .hasMessageContaining(root.resolve(".env").toString())
        .hasMessageNotContaining("hush-123");
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

  private StoreOptions options(Optional<String> bucket, Optional<String> endpoint) {
    return new StoreOptions(
        root.resolve("store"),
        root.resolve("cache"),
        bucket,
        endpoint,
        "",
        Optional.empty(),
        "server 'alcove'",
        false);
  }
}
