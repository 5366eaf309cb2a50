package dev.alcove.core.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.store.ObjectStore;
import dev.alcove.core.testing.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Spark cluster writes into a bucket, adopted as an object by a copy on a real S3 server
 * (S3Proxy), as a Spark build does after the cluster wrote its folder through S3A.
 */
class S3ClusterOutputTest {

  @TempDir static Path serverDir;
  @TempDir Path dir;
  static S3TestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3TestServer.start(serverDir.resolve("blobs"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void theOnePartFileIsCopiedToItsAddressInPartsAndTheFolderIsRemoved() throws Exception {
    try (S3Store store = open("lake")) {
      // Parts of 5 MiB: 5 MiB and one byte is two parts, the second one byte long.
      store.copyInPartsOf(5L << 20);
      byte[] table = bytes((5 << 20) + 1);
      ObjectStore.ClusterOutput output = store.clusterOutput().orElseThrow();
      write(store, output, "part-00000-c000.snappy.parquet", table);
      write(store, output, "_success", new byte[0]);
      assertThat(output.location()).startsWith("s3a://" + S3TestServer.BUCKET + "/lake/tmp/spark/");

      Checksum adopted = output.adopt();

      assertThat(adopted).isEqualTo(Sha256.ofBytes(table));
      Path back = dir.resolve("back");
      assertThat(store.get(adopted, back, TransferProgress.NONE)).isEqualTo(adopted);
      assertThat(Files.readAllBytes(back)).isEqualTo(table);
      assertThat(store.listEntries("tmp/spark")).isEmpty();
    }
  }

  @Test
  void anEmptyFileAndOneOfExactlyOnePartAreCopiedInOneRequest() throws Exception {
    try (S3Store store = open("")) {
      store.copyInPartsOf(1024);
      for (byte[] table : new byte[][] {new byte[0], bytes(1024)}) {
        ObjectStore.ClusterOutput output = store.clusterOutput().orElseThrow();
        write(store, output, "part-00000.parquet", table);
        Checksum adopted = output.adopt();
        assertThat(adopted).isEqualTo(Sha256.ofBytes(table));
        assertThat(store.size(adopted)).hasValue(table.length);
      }
      assertThat(store.listEntries("tmp/spark")).isEmpty();
    }
  }

  @Test
  void twoPartFilesAreRefusedNamingTheFolderAndNothingIsAdoptedOrLeft() throws Exception {
    try (S3Store store = open("lake")) {
      ObjectStore.ClusterOutput output = store.clusterOutput().orElseThrow();
      write(store, output, "part-00000.parquet", bytes(10));
      write(store, output, "part-00001.parquet", bytes(11));
      assertThatThrownBy(output::adopt)
          .hasMessage(
              "the Spark server wrote 2 Parquet files to " + output.location() + ", not one");
      assertThat(store.contains(Sha256.ofBytes(bytes(10)))).isFalse();
      output.discard();
      assertThat(store.listEntries("tmp/spark")).isEmpty();
    }
  }

  @Test
  void aFolderAnotherBuildIsStillWritingIsLeftAlone() throws Exception {
    try (S3Store store = open("shared")) {
      ObjectStore.ClusterOutput writing = store.clusterOutput().orElseThrow();
      write(store, writing, "part-00000.parquet", bytes(10));
      // A second build's output removes only folders a day old.
      store.clusterOutput().orElseThrow().discard();
      assertThat(store.listEntries("tmp/spark")).hasSize(1);
      writing.discard();
    }
  }

  @Test
  void theClusterIsHandedThisBucketsSettingsAlone() throws Exception {
    try (S3Store store = open("lake")) {
      String bucket = "fs.s3a.bucket." + S3TestServer.BUCKET + ".";
      assertThat(store.clusterAccess())
          .containsEntry(bucket + "endpoint", server.endpoint())
          .containsEntry(bucket + "path.style.access", "true")
          .containsEntry(bucket + "access.key", S3TestServer.ACCESS_KEY)
          .containsEntry(bucket + "secret.key", S3TestServer.SECRET_KEY)
          .containsKey(bucket + "endpoint.region")
          .allSatisfy((key, value) -> assertThat(key).startsWith(bucket));
    }
  }

  private static S3Store open(String prefix) {
    return S3Store.open(server.settings(prefix), Retry.standard(AlcoveLog.SILENT));
  }

  /** A file as the cluster writes it into the output's folder. */
  private static void write(
      S3Store store, ObjectStore.ClusterOutput output, String name, byte[] content) {
    String folder = output.location().substring(("s3a://" + S3TestServer.BUCKET + "/").length());
    String prefix = store.keyBeside("");
    store.writeEntry(folder.substring(prefix.length()) + "/" + name, content);
  }

  private static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }
}
