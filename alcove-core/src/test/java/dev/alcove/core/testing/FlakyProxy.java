package dev.alcove.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of a real server that fails some connections: of every {@code
 * period} connections it accepts, the first answers its request with an HTTP 500, the second
 * forwards the request but cuts the response after a few bytes; the others are passed through
 * untouched. It stops failing after {@code maxFaults}, so a client that retries does get through.
 *
 * <p>Each connection carries one request: the proxy asks the server to close it after its answer.
 * So the faults served depend on how many requests a client makes, not on how it pools connections.
 */
public final class FlakyProxy implements AutoCloseable {

  private static final String ERROR_BODY =
      "<Error><Code>InternalError</Code><Message>failed on purpose</Message></Error>";
  private static final byte[] SERVER_ERROR =
      ("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/xml\r\nContent-Length: "
              + ERROR_BODY.length()
              + "\r\nConnection: close\r\n\r\n"
              + ERROR_BODY)
          .getBytes(StandardCharsets.ISO_8859_1);

  private final ServerSocket socket;
  private final int targetPort;
  private final int period;
  private final int maxFaults;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger faults = new AtomicInteger();

  public FlakyProxy(int targetPort, int period, int maxFaults) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.period = period;
    this.maxFaults = maxFaults;
    Thread acceptor = new Thread(this::acceptLoop, "flaky-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** How many connections were failed on purpose. */
  public int faults() {
    return faults.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        int index = connections.getAndIncrement() % period;
        boolean faulty = index < 2 && faults.get() < maxFaults;
        if (faulty) {
          faults.incrementAndGet();
        }
        Thread worker =
            new Thread(() -> serve(client, faulty ? index : -1), "flaky-proxy-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client, int fault) {
    try (client;
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
      byte[] head = readRequestHead(client.getInputStream());
      if (fault == 0) {
        client.getOutputStream().write(SERVER_ERROR);
        client.getOutputStream().flush();
        return;
      }
      server.getOutputStream().write(closing(head));
      Thread upstream =
          new Thread(() -> pump(client, server, Long.MAX_VALUE), "flaky-proxy-upstream");
      upstream.setDaemon(true);
      upstream.start();
      pump(server, client, fault == 1 ? 40 : Long.MAX_VALUE);
    } catch (IOException e) {
      // one side went away: the client sees a closed connection, as with a real failing server
    }
  }

  /** Copies bytes from {@code from} to {@code to}, closing both after {@code limit} bytes. */
  private static void pump(Socket from, Socket to, long limit) {
    byte[] buffer = new byte[64 << 10];
    long copied = 0;
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while (copied < limit
          && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied))) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
        copied += n;
      }
    } catch (IOException e) {
      // closed by the other pump
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** The request line and headers, read to the blank line that ends them and no further. */
  private static byte[] readRequestHead(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
    int matched = 0;
    int b;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4 && (b = in.read()) >= 0) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toByteArray();
  }

  /** {@code head} with its Connection header, if any, replaced by {@code Connection: close}. */
  private static byte[] closing(byte[] head) {
    String kept =
        new String(head, StandardCharsets.ISO_8859_1)
            .lines()
            .filter(line -> !line.isEmpty())
            .filter(line -> !line.regionMatches(true, 0, "connection:", 0, 11))
            .collect(java.util.stream.Collectors.joining("\r\n"));
    return (kept + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
