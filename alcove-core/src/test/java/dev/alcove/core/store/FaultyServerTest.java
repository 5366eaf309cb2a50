package dev.alcove.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Settings;
import dev.alcove.core.store.s3.S3Store;
import dev.alcove.core.testing.RecordingLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A store endpoint that fails: alcove retries with backoff, then stops with one clear line. */
@Tag("reliability")
class FaultyServerTest {

  /** Answers every request on loopback by {@code behaviour}, counting requests; stops itself. */
  private static final class FaultyServer implements AutoCloseable {
    final ServerSocket socket;
    final AtomicInteger requests = new AtomicInteger();
    private final Thread thread;

    FaultyServer(boolean closeMidway) throws Exception {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      thread =
          new Thread(
              () -> {
                while (!socket.isClosed() && requests.get() < 100) {
                  try (Socket client = socket.accept()) {
                    BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(
                                client.getInputStream(), StandardCharsets.ISO_8859_1));
                    String line;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                      // read the request head
                    }
                    requests.incrementAndGet();
                    OutputStream out = client.getOutputStream();
                    if (closeMidway) {
                      out.write(
                          "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial"
                              .getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                      String body =
                          "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>";
                      out.write(
                          ("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/xml\r\nContent-Length: "
                                  + body.length()
                                  + "\r\nConnection: close\r\n\r\n"
                                  + body)
                              .getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.flush();
                  } catch (Exception e) {
                    // the server was closed, or the client went away
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    String endpoint() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws Exception {
      socket.close();
    }
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThenReportedInOneLine() throws Exception {
    RecordingLog log = new RecordingLog();
    try (FaultyServer server = new FaultyServer(false)) {
      S3Settings settings =
          new S3Settings(server.endpoint(), "bucket", "", "key", "a-secret-value");
      assertThatThrownBy(() -> S3Store.open(settings, new Retry(3, 10, log)))
          .isInstanceOf(AlcoveException.class)
          .hasMessageContaining("S3 could not open the bucket")
          .hasMessageContaining("InternalError")
          .hasMessageNotContaining("a-secret-value")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      assertThat(server.requests.get()).isGreaterThanOrEqualTo(3);
    }
    assertThat(log.warnings).hasSize(2).allMatch(w -> w.contains("retrying in"));
  }

  @Test
  void aConnectionClosedMidTransferIsRetriedThenReported() throws Exception {
    RecordingLog log = new RecordingLog();
    try (FaultyServer server = new FaultyServer(true)) {
      S3Settings settings =
          new S3Settings(server.endpoint(), "bucket", "", "key", "a-secret-value");
      assertThatThrownBy(() -> S3Store.open(settings, new Retry(3, 10, log)))
          .isInstanceOf(AlcoveException.class)
          .hasMessageContaining(server.endpoint())
          .hasMessageNotContaining("a-secret-value")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
    assertThat(log.warnings).isNotEmpty().allMatch(w -> w.contains("retrying in"));
  }
}
