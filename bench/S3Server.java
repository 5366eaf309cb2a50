import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** A standalone S3Proxy on loopback for the benchmark: args are folder, port, key, secret, bucket. */
class S3Server {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    Files.createDirectories(root);
    FilesystemNio2BlobStore store = new FilesystemNio2BlobStore(root.toString());
    store.createContainer(args[4]);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:" + args[1]))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[2], args[3])
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    System.out.println("S3 ready on " + proxy.getPort());
    Thread.currentThread().join();
  }
}
