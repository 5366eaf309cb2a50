package dev.alcove.core.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.testing.LoopbackProxy;
import dev.alcove.core.testing.S3TestServer;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys that may do some things and not others, as IAM policies give them: what is denied is named
 * with the permission it needs, and what is not needed is not asked for.
 */
class PermissionsTest {

  @TempDir Path dir;

  @Test
  void aKeyThatMayNotListTheBucketStillSnapshotsAndRestores() throws Exception {
    // Denied: the bucket itself (HEAD, location) and listing it, as without s3:ListBucket.
    Predicate<String> bucketLevel =
        line -> line.matches("(HEAD|GET) /alcove-bucket(\\?[^ ]*)? HTTP/1.1");
    try (S3TestServer server = S3TestServer.start(dir.resolve("s3"));
        LoopbackProxy proxy = denying(server, bucketLevel)) {
      List<Checksum> sums = new ArrayList<>();
      try (S3Store store = open(proxy)) {
        for (int i = 0; i < 70; i++) {
          Path file = dir.resolve("f" + i);
          Files.writeString(file, "object " + i);
          Checksum sum = Sha256.ofFile(file);
          sums.add(sum);
          if (i % 2 == 0) {
            store.upload(sum, file, TransferProgress.NONE);
          }
        }
        // 70 objects would be listed; without the permission they are asked one by one.
        assertThat(store.present(sums, ThreadBudget.of(2))).hasSize(35);
        assertThat(store.get(sums.get(0), dir.resolve("back"), TransferProgress.NONE))
            .isEqualTo(sums.get(0));
      }
    }
  }

  @Test
  void aDeniedUploadNamesTheOperationAndThePermission() throws Exception {
    try (S3TestServer server = S3TestServer.start(dir.resolve("s3"));
        LoopbackProxy proxy = denying(server, line -> line.startsWith("PUT "));
        S3Store store = open(proxy)) {
      Path file = dir.resolve("f");
      Files.writeString(file, "x");
      Checksum sum = Sha256.ofFile(file);
      assertThatThrownBy(() -> store.upload(sum, file, TransferProgress.NONE))
          .hasMessageStartingWith("S3 denied the request to upload team/")
          .hasMessageContaining(
              "(AccessDenied): the credentials (given keys) need the permission s3:PutObject");
    }
  }

  @Test
  void aBucketInAnotherRegionIsNamedNotAnHttpStatus() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(
            request ->
                "HTTP/1.1 301 Moved Permanently\r\nx-amz-bucket-region: eu-central-1\r\n"
                    + "Content-Type: application/xml\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) {
      S3Settings settings =
          new S3Settings(server.endpoint().toString(), "data", "", "key", "secret");
      assertThatThrownBy(() -> S3Store.open(settings, new Retry(1, 1, AlcoveLog.SILENT)))
          .hasMessageStartingWith("bucket 'data' is in region eu-central-1, not the one ")
          .hasMessageNotContaining("HTTP301");
    }
  }

  @Test
  void unknownHostsAndTlsFailuresAreNotRetriedTimeoutsAndSkewAre() {
    assertThat(Retry.isTransient(new UnknownHostException("s3.nowhere.invalid"))).isFalse();
    assertThat(Retry.isTransient(new java.io.IOException(new SSLHandshakeException("PKIX"))))
        .isFalse();
    assertThat(Retry.isTransient(new S3Exception(400, "RequestTimeout", "idle", Optional.empty())))
        .isTrue();
    assertThat(
            Retry.isTransient(
                new S3Exception(403, "RequestTimeTooSkewed", "15 min", Optional.empty())))
        .isTrue();
    assertThat(Retry.isTransient(new S3Exception(403, "AccessDenied", "no", Optional.empty())))
        .isFalse();
    assertThat(Retry.isTransient(new java.net.SocketException("Connection reset"))).isTrue();
  }

  private static LoopbackProxy denying(S3TestServer server, Predicate<String> denied)
      throws Exception {
    return new LoopbackProxy(
        URI.create(server.endpoint()).getPort(),
        (connection, head) ->
            denied.test(head.lines().findFirst().orElse(""))
                ? LoopbackProxy.Verdict.answer(
                    LoopbackProxy.s3Error(403, "Forbidden", "AccessDenied", "Access Denied"))
                : LoopbackProxy.Verdict.pass());
  }

  private static S3Store open(LoopbackProxy proxy) {
    return S3Store.open(
        new S3Settings(
            proxy.endpoint(),
            S3TestServer.BUCKET,
            "team",
            S3TestServer.ACCESS_KEY,
            S3TestServer.SECRET_KEY),
        new Retry(2, 5, AlcoveLog.SILENT));
  }
}
