package dev.alcove.core.testing;

import dev.alcove.core.store.s3.S3Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A real S3 server in this JVM (S3Proxy on loopback), storing objects as plain files under a
 * folder, so tests can look at and damage what the server holds.
 */
public final class S3TestServer implements AutoCloseable {

  public static final String ACCESS_KEY = "alcove-test-access";
  public static final String SECRET_KEY = "alcove-test-SECRET-do-not-log-7f3a9c";
  public static final String BUCKET = "alcove-bucket";

  private final S3Proxy proxy;
  private final Path blobRoot;
  private final String accessKey;
  private final String secretKey;

  private S3TestServer(S3Proxy proxy, Path blobRoot, String accessKey, String secretKey) {
    this.proxy = proxy;
    this.blobRoot = blobRoot;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  public static S3TestServer start(Path blobRoot) throws Exception {
    return start(blobRoot, ACCESS_KEY, SECRET_KEY);
  }

  /** A server that accepts only {@code accessKey} with {@code secretKey}. */
  public static S3TestServer start(Path blobRoot, String accessKey, String secretKey)
      throws Exception {
    Files.createDirectories(blobRoot);
    FilesystemNio2BlobStore blobStore = new FilesystemNio2BlobStore(blobRoot.toString());
    blobStore.createContainer(BUCKET);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(blobStore)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
            .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new S3TestServer(proxy, blobRoot, accessKey, secretKey);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  public S3Settings settings(String prefix) {
    return new S3Settings(endpoint(), BUCKET, prefix, accessKey, secretKey);
  }

  /** The file in which the server keeps the object at {@code key}. */
  public Path objectFile(String key) {
    return blobRoot.resolve(BUCKET).resolve(key);
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
