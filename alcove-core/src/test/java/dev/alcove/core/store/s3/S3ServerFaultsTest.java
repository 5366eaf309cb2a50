package dev.alcove.core.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.testing.RecordingLog;
import org.junit.jupiter.api.Test;

/** Servers that answer badly or not at all: one clear line, soon, and no secret in it. */
class S3ServerFaultsTest {

  @Test
  void aServerThatTakesTheRequestAndNeverAnswersIsGivenUpOnAfterASecondSilence() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(
            request -> {
              sleep(3_000);
              return "";
            })) {
      RecordingLog log = new RecordingLog();
      assertThatThrownBy(
              () ->
                  S3Store.open(settings(server.endpoint().toString()), new Retry(4, 10, log), 300))
          .isInstanceOf(AlcoveException.class)
          .hasMessageContaining(
              "took the request to open the bucket but did not answer in time, twice")
          .hasMessageNotContaining("cannot reach");
      // One retry after the first silence, none after the second: not four attempts of a minute.
      assertThat(log.warnings).hasSize(1);
    }
  }

  @Test
  void aRedirectSaysWhereItLeads() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(
            request ->
                "HTTP/1.1 307 Temporary Redirect\r\nLocation: https://elsewhere.example/data?X-Amz-Signature=abc\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n")) {
      assertThatThrownBy(
              () ->
                  S3Store.open(
                      settings(server.endpoint().toString()), new Retry(1, 10, new RecordingLog())))
          .isInstanceOf(AlcoveException.class)
          .hasMessageContaining("redirected to https://elsewhere.example/data (not followed")
          .hasMessageNotContaining("Signature");
    }
  }

  @Test
  void anEndpointHoldingAPasswordIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> settings("https://alice:hunter2@s3.example.com"))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("holds a user name or password")
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("alice");
  }

  private static S3Settings settings(String endpoint) {
    return new S3Settings(endpoint, "data", "", "key", "secret");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
