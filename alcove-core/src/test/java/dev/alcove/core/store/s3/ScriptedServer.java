package dev.alcove.core.store.s3;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An HTTP server on loopback that answers each request (one per connection, then closed) with the
 * raw bytes {@code answer} gives for "METHOD target authorization", and records what it was asked.
 */
final class ScriptedServer implements AutoCloseable {
  final ServerSocket socket;
  final List<String> requests = new CopyOnWriteArrayList<>();

  ScriptedServer(Function<String, String> answer) throws Exception {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                  BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(
                              client.getInputStream(), StandardCharsets.ISO_8859_1));
                  String request = in.readLine();
                  String auth = "";
                  String line;
                  while ((line = in.readLine()) != null && !line.isEmpty()) {
                    if (line.toLowerCase().startsWith("authorization:")) {
                      auth = line.substring(line.indexOf(':') + 1).trim();
                    }
                  }
                  String seen = request.substring(0, request.lastIndexOf(' ')) + " " + auth;
                  requests.add(seen);
                  OutputStream out = client.getOutputStream();
                  out.write(answer.apply(seen).getBytes(StandardCharsets.ISO_8859_1));
                  out.flush();
                } catch (Exception e) {
                  // closed
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  @Override
  public void close() throws Exception {
    socket.close();
  }
}
