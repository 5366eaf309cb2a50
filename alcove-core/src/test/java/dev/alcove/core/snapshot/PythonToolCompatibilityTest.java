package dev.alcove.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.Alcove;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Store;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.testing.S3TestServer;
import dev.alcove.core.uri.StepUri;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alcove and a bucket laid out by hand as the Python tool writes them (SPEC sections 3, 5 and
 * 7), with object keys written out literally rather than computed by this code: alcove must read
 * the catalogue and sidecars and restore every snapshot from the bucket unchanged.
 */
class PythonToolCompatibilityTest {

  @TempDir Path work;

  @Test
  void opensAndRestoresAnAlcoveWrittenByThePythonTool() throws Exception {
    Path alcoveRoot = copyFixture(work.resolve("alcove"));
    try (S3TestServer server = S3TestServer.start(work.resolve("blobs"))) {
      putRaw(
          server,
          "shared/df/fd/dffd6021bb2bd5b0af676290809ec3a53191dd81c7f70a4b28688a362182986f",
          "Hello, World!");
      putRaw(
          server,
          "shared/40/ef/40efcea9db03adb126f27a0f339c595d1828a0713a789ea49d1ae67159d101e0",
          "Hello, Cosmos!");

      Alcove alcove = Alcove.open(alcoveRoot);
      assertThat(alcove.catalogue().steps()).hasSize(3);
      RestoreSnapshot restore =
          new RestoreSnapshot(Contexts.silent(), alcove.layout(), FileDigester.READ_EVERY_BYTE);
      try (Depot depot =
          new Depot(
              S3Store.open(server.settings("shared"), Retry.standard(AlcoveLog.SILENT)),
              Optional.of(new LocalDirectoryStore(work.resolve("cache"), "cache")),
              AlcoveLog.SILENT)) {
        for (String uri :
            new String[] {"snapshot://countries/2024-07-26", "snapshot://greetings/2024-07-26"}) {
          SnapshotMetadata metadata = restore.metadata(StepUri.parse(uri));
          assertThat(restore.problem(metadata)).contains("data missing");
          restore.restore(metadata, depot);
          assertThat(restore.problem(metadata)).isEmpty();
        }
      }
      SnapshotMetadata countries =
          restore.metadata(StepUri.parse("snapshot://countries/2024-07-26"));
      assertThat(countries.descriptive().get("date_accessed")).isEqualTo("2024-07-26");
      assertThat(countries.descriptive().get("license")).isEqualTo("CC-BY-4.0");
      assertThat(alcoveRoot.resolve("data/snapshots/countries/2024-07-26.csv"))
          .hasContent("Hello, World!");
      assertThat(alcoveRoot.resolve("data/snapshots/greetings/2024-07-26/file2.txt"))
          .hasContent("Hello, Cosmos!");
      assertThat(
              work.resolve(
                  "cache/40/ef/40efcea9db03adb126f27a0f339c595d1828a0713a789ea49d1ae67159d101e0"))
          .hasContent("Hello, Cosmos!");
    }
  }

  private static void putRaw(S3TestServer server, String key, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (MinioClient client =
        MinioClient.builder()
            .endpoint(new URL(server.endpoint()))
            .credentials(S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY)
            .build()) {
      client.putObject(
          PutObjectArgs.builder().bucket(S3TestServer.BUCKET).object(key).stream(
                  new ByteArrayInputStream(bytes), (long) bytes.length, -1L)
              .build());
    }
  }

  private static Path copyFixture(Path target) throws Exception {
    Path fixture =
        Path.of(PythonToolCompatibilityTest.class.getResource("/python-alcove/alcove.yaml").toURI())
            .getParent();
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = target.resolve(fixture.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    return target;
  }
}
