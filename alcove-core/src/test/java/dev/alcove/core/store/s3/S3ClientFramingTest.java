package dev.alcove.core.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.progress.TransferProgress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Where an answer ends: at its declared length, at its last chunk, or with its connection when it
 * says so. An answer cut off inside its headers says none of these and must not pass as empty.
 */
class S3ClientFramingTest {

  @Test
  void anAnswerCutOffInsideItsHeadersIsAnError() throws Exception {
    try (ScriptedServer server = new ScriptedServer(request -> "HTTP/1.1 200 OK\r\nDate: Fri")) {
      S3Client client = new S3Client(server.endpoint(), "data", "key", "secret");
      assertThatThrownBy(
              () -> client.get("ab/cd/abcd", new ByteArrayOutputStream(), TransferProgress.NONE))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cut short");
    }
  }

  @Test
  void anAnswerThatEndsWithItsConnectionIsWhole() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(request -> "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nhello")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new S3Client(server.endpoint(), "data", "key", "secret")
          .get("ab/cd/abcd", out, TransferProgress.NONE);
      assertThat(out.toString()).isEqualTo("hello");
    }
  }

  @Test
  void anAnswerShorterThanItsLengthIsAnError() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(request -> "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello")) {
      S3Client client = new S3Client(server.endpoint(), "data", "key", "secret");
      assertThatThrownBy(
              () -> client.get("ab/cd/abcd", new ByteArrayOutputStream(), TransferProgress.NONE))
          .isInstanceOf(IOException.class);
    }
  }
}
