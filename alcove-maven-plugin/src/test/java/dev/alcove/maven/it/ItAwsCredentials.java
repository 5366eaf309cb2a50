package dev.alcove.maven.it;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A container credentials endpoint on loopback, answering as ECS and EKS Pod Identity do, for the
 * IT of the AWS SDK's credential chain: it hands out the keys of the IT's S3 server, valid for an
 * hour. Its address goes to the builds through {@code .mvn/maven.config} as the SDK's system
 * property {@code aws.containerCredentialsFullUri}, with the AWS files pointed at nothing.
 */
public final class ItAwsCredentials {

  private static final Map<File, HttpServer> SERVERS = new HashMap<>();
  private static final Map<File, AtomicInteger> ASKED = new HashMap<>();

  private ItAwsCredentials() {}

  public static synchronized void start(File basedir) throws Exception {
    AtomicInteger asked = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/credentials",
        exchange -> {
          asked.incrementAndGet();
          String body =
              "{\"AccessKeyId\":\""
                  + ItS3.ACCESS_KEY
                  + "\",\"SecretAccessKey\":\""
                  + ItS3.SECRET_KEY
                  + "\",\"Expiration\":\""
                  + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                  + "\"}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    SERVERS.put(basedir, server);
    ASKED.put(basedir, asked);
    Path config = basedir.toPath().resolve(".mvn/maven.config");
    Files.createDirectories(config.getParent());
    Files.writeString(
        config,
        "-Daws.containerCredentialsFullUri=http://127.0.0.1:"
            + server.getAddress().getPort()
            + "/credentials\n-Daws.sharedCredentialsFile="
            + basedir.toPath().resolve("no-aws-credentials")
            + "\n-Daws.configFile="
            + basedir.toPath().resolve("no-aws-config")
            + "\n");
  }

  /** How many times the SDK asked the endpoint for credentials. */
  public static synchronized int asked(File basedir) {
    return ASKED.getOrDefault(basedir, new AtomicInteger()).get();
  }

  public static synchronized void stop(File basedir) {
    HttpServer server = SERVERS.remove(basedir);
    if (server != null) {
      server.stop(0);
    }
  }
}
