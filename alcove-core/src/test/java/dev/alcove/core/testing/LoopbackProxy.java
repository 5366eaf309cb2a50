package dev.alcove.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A TCP proxy on loopback in front of a real server, which decides for each request, from its head
 * (request line and headers), whether to pass it on, answer it itself, or pass it on and cut the
 * answer short. Each connection carries one request: the proxy asks the server to close it after
 * its answer, so every request is decided, however a client pools connections.
 */
public final class LoopbackProxy implements AutoCloseable {

  /** What to do with one request: answer it here, or pass it on and relay this much answer. */
  public record Verdict(Optional<byte[]> answer, long responseLimit) {
    public static Verdict pass() {
      return new Verdict(Optional.empty(), Long.MAX_VALUE);
    }

    public static Verdict answer(byte[] response) {
      return new Verdict(Optional.of(response), 0);
    }

    public static Verdict cutAfter(long bytes) {
      return new Verdict(Optional.empty(), bytes);
    }
  }

  /** Decides a request, given the connection's number (from 0) and the request's head. */
  @FunctionalInterface
  public interface Rule {
    Verdict decide(int connection, String head);
  }

  private final ServerSocket socket;
  private final int targetPort;
  private final Rule rule;
  private final AtomicInteger connections = new AtomicInteger();

  public LoopbackProxy(int targetPort, Rule rule) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.rule = rule;
    Thread acceptor = new Thread(this::acceptLoop, "loopback-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** An HTTP answer carrying an S3 error document. */
  public static byte[] s3Error(int status, String reason, String code, String message) {
    String body = "<Error><Code>" + code + "</Code><Message>" + message + "</Message></Error>";
    return ("HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\n"
            + "Content-Type: application/xml\r\n"
            + "Content-Length: "
            + body.length()
            + "\r\n"
            + "Connection: close\r\n\r\n"
            + body)
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The value of header {@code name} in a request head, if it is there. */
  public static Optional<String> header(String head, String name) {
    return head.lines()
        .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
        .map(line -> line.substring(name.length() + 1).strip())
        .findFirst();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        int index = connections.getAndIncrement();
        Thread worker = new Thread(() -> serve(client, index), "loopback-proxy-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client, int index) {
    try (client;
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
      byte[] head = readRequestHead(client.getInputStream());
      Verdict verdict = rule.decide(index, new String(head, StandardCharsets.ISO_8859_1));
      if (verdict.answer().isPresent()) {
        client.getOutputStream().write(verdict.answer().get());
        client.getOutputStream().flush();
        return;
      }
      server.getOutputStream().write(closing(head));
      Thread upstream =
          new Thread(() -> pump(client, server, Long.MAX_VALUE), "loopback-proxy-upstream");
      upstream.setDaemon(true);
      upstream.start();
      pump(server, client, verdict.responseLimit());
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
    ByteArrayOutputStream head = new ByteArrayOutputStream();
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
            .collect(Collectors.joining("\r\n"));
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
