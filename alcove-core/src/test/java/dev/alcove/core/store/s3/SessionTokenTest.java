package dev.alcove.core.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.testing.S3rverServer;
import dev.alcove.core.testing.SessionTokenGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary credentials (what GitHub Actions' OIDC, an assumed role or SSO give) against a server
 * that enforces their session token, as AWS does: s3rver, which checks every signature with its own
 * code, behind a gate that refuses a request whose token is not the session's or is not signed.
 * Skipped where s3rver is not installed (S3Proxy refuses the token header outright).
 */
@Tag("reliability")
class SessionTokenTest {

  static final String KEY = S3rverServer.ACCESS_KEY;
  static final String SECRET = S3rverServer.SECRET_KEY;
  static final String TOKEN = "IQoJb3JpZ2luX2VjE-session-token";

  @TempDir Path dir;
  S3rverServer server;
  SessionTokenGate gate;

  @BeforeEach
  void start() throws Exception {
    server = S3rverServer.startOrSkip(dir.resolve("s3rver"));
    gate = new SessionTokenGate(server.port(), TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    if (gate != null) {
      gate.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyRequestIsSignedWithTheTokenOfTheCredentialsAskedForJustBefore() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    CredentialSource renewing =
        new CredentialSource() {
          @Override
          public S3Credentials current() {
            asked.incrementAndGet();
            return new S3Credentials(KEY, SECRET, Optional.of(TOKEN));
          }

          @Override
          public String describe() {
            return "a session";
          }
        };
    Path file = dir.resolve("object.bin");
    Files.writeString(file, "bytes under a session");
    Checksum sum = Sha256.ofFile(file);
    try (S3Store store = S3Store.open(settings(renewing), Retry.standard(AlcoveLog.SILENT))) {
      store.put(sum, file, TransferProgress.NONE);
      assertThat(store.get(sum, dir.resolve("back.bin"), TransferProgress.NONE)).isEqualTo(sum);
      store.writeEntry("cache/v1/x", new byte[] {1});
      assertThat(store.listEntries("cache/v1")).hasSize(1);
    }
    assertThat(gate.refused()).isZero();
    assertThat(gate.passed()).isGreaterThanOrEqualTo(6);
    assertThat(asked.get()).isEqualTo(gate.passed());
  }

  @Test
  void keysWithoutTheirTokenAreRefusedNamingTheCredentials() {
    for (Optional<String> token :
        java.util.List.of(Optional.<String>empty(), Optional.of("stale"))) {
      CredentialSource source =
          CredentialSource.fixed(
              new S3Credentials(KEY, SECRET, token), "AWS_ACCESS_KEY_ID from the environment");
      assertThatThrownBy(() -> S3Store.open(settings(source), Retry.standard(AlcoveLog.SILENT)))
          .hasMessageContaining("S3 refused the credentials")
          .hasMessageContaining("InvalidToken")
          .hasMessageContaining("AWS_ACCESS_KEY_ID from the environment");
    }
  }

  private S3Settings settings(CredentialSource credentials) {
    return new S3Settings(
        gate.endpoint(),
        S3rverServer.BUCKET,
        "team",
        credentials,
        Optional.empty(),
        Optional.empty());
  }
}
