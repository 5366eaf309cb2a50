import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A reference for row 2: the fastest plain way a fresh JVM hashes a folder, one thread per core,
 * 1 MiB heap buffers, nothing else. Prints the seconds the hashing took.
 */
class PlainHash {
  public static void main(String[] args) throws Exception {
    List<Path> files = new ArrayList<>();
    try (var listing = Files.list(Path.of(args[0]))) {
      listing.sorted().forEach(files::add);
    }
    long start = System.nanoTime();
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<byte[]>> digests = new ArrayList<>();
    for (Path file : files) {
      digests.add(
          pool.submit(
              () -> {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 20];
                try (InputStream in = Files.newInputStream(file)) {
                  int read;
                  while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                    digest.update(buffer, 0, read);
                  }
                }
                return digest.digest();
              }));
    }
    for (Future<byte[]> digest : digests) {
      digest.get();
    }
    pool.shutdown();
    System.out.printf("hashed in %.3f s%n", (System.nanoTime() - start) / 1e9);
  }
}
