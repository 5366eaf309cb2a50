package dev.alcove.core.store.s3;

import dev.alcove.core.AlcoveException;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.store.ObjectKeys;
import dev.alcove.core.store.ObjectMissingException;
import dev.alcove.core.store.ObjectStore;
import dev.alcove.core.store.TransferProgress;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A store in an S3 bucket, through minio-java: MinIO, AWS, Backblaze B2, Cloudflare R2 or any
 * S3-compatible server, addressed path-style. Uploads of more than one part go multipart.
 */
public final class S3Store implements ObjectStore {

  /** Parts of 16 MiB: large files go multipart, small ones in one request. */
  public static final long PART_SIZE = 16L << 20;

  private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject", "NotFound");
  private static final Set<String> BAD_CREDENTIALS =
      Set.of(
          "AccessDenied",
          "InvalidAccessKeyId",
          "SignatureDoesNotMatch",
          "InvalidToken",
          "Forbidden");

  private final MinioClient client;
  private final S3Settings settings;
  private final Retry retry;

  private S3Store(MinioClient client, S3Settings settings, Retry retry) {
    this.client = client;
    this.settings = settings;
    this.retry = retry;
  }

  /** Connects and checks that the bucket exists, so a wrong setting fails before any work. */
  public static S3Store open(S3Settings settings, Retry retry) {
    MinioClient client;
    try {
      URI endpoint = URI.create(settings.endpoint());
      if (endpoint.getScheme() == null || endpoint.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      client =
          MinioClient.builder()
              .endpoint(settings.endpoint())
              .credentials(settings.accessKey(), settings.secretKey())
              .httpClient(httpClient(), true)
              .build();
      client.disableVirtualStyleEndpoint();
    } catch (RuntimeException e) {
      throw new AlcoveException(
          "S3 endpoint '" + settings.endpoint() + "' is not a URL such as https://s3.example.com");
    }
    S3Store store = new S3Store(client, settings, retry);
    try {
      boolean exists =
          retry.call(
              "check bucket",
              () ->
                  client.bucketExists(
                      BucketExistsArgs.builder().bucket(settings.bucket()).build()));
      if (!exists) {
        throw new AlcoveException(
            "bucket '"
                + settings.bucket()
                + "' does not exist at "
                + settings.endpoint()
                + ": create it, or fix S3_BUCKET_NAME");
      }
    } catch (RuntimeException e) {
      store.close();
      throw store.translate(e, "open the bucket");
    }
    return store;
  }

  /** From this many objects on, {@link #present} lists the store rather than asking each. */
  static final int LIST_FROM = 64;

  /** Transfers run this many at once: they wait on the network, not on a core. */
  public static final int TRANSFERS = 8;

  private static okhttp3.OkHttpClient httpClient() {
    return new okhttp3.OkHttpClient.Builder()
        .socketFactory(new NoDelaySocketFactory())
        .connectTimeout(java.time.Duration.ofSeconds(15))
        .readTimeout(java.time.Duration.ofMinutes(5))
        .writeTimeout(java.time.Duration.ofMinutes(5))
        .connectionPool(
            new okhttp3.ConnectionPool(TRANSFERS, 5, java.util.concurrent.TimeUnit.MINUTES))
        .dispatcher(dispatcher())
        .build();
  }

  private static okhttp3.Dispatcher dispatcher() {
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequestsPerHost(TRANSFERS * 2);
    return dispatcher;
  }

  @Override
  public int parallelTransfers() {
    return TRANSFERS;
  }

  @Override
  public String describe() {
    return settings.describe();
  }

  private String key(Checksum checksum) {
    return ObjectKeys.key(settings.prefix(), checksum);
  }

  @Override
  public boolean contains(Checksum checksum) {
    try {
      return retry.call(
          "look up " + key(checksum),
          () -> {
            try {
              client.statObject(
                  StatObjectArgs.builder().bucket(settings.bucket()).object(key(checksum)).build());
              return true;
            } catch (ErrorResponseException e) {
              if (MISSING.contains(e.errorResponse().code())) {
                return false;
              }
              throw e;
            }
          });
    } catch (RuntimeException e) {
      throw translate(e, "look up " + key(checksum));
    }
  }

  /**
   * Lists the store instead of asking object by object when there are many objects to ask about:
   * one request per 1,000 keys instead of one per object. A store far larger than the question is
   * listed no further than four keys per object asked about; the rest are asked one by one.
   */
  @Override
  public Set<Checksum> present(Collection<Checksum> checksums, int threads) {
    if (checksums.size() < LIST_FROM) {
      return ObjectStore.super.present(checksums, threads);
    }
    Set<Checksum> wanted = new HashSet<>(checksums);
    Set<Checksum> found = new HashSet<>();
    long limit = 4L * checksums.size();
    boolean complete;
    try {
      complete = retry.call("list " + describe(), () -> listInto(wanted, found, limit));
    } catch (RuntimeException e) {
      throw translate(e, "list the objects");
    }
    if (!complete) {
      List<Checksum> unseen = wanted.stream().filter(sum -> !found.contains(sum)).toList();
      found.addAll(ObjectStore.super.present(unseen, threads));
    }
    return found;
  }

  /** Adds the keys listed that are wanted to {@code found}; false if it stopped at the limit. */
  private boolean listInto(Set<Checksum> wanted, Set<Checksum> found, long limit)
      throws MinioException, IOException {
    String prefix = settings.prefix().isEmpty() ? "" : settings.prefix() + "/";
    long listed = 0;
    for (Result<Item> result :
        client.listObjects(
            ListObjectsArgs.builder()
                .bucket(settings.bucket())
                .prefix(prefix)
                .recursive(true)
                .build())) {
      if (++listed > limit) {
        return false;
      }
      String name = result.get().objectName();
      String last = name.substring(name.lastIndexOf('/') + 1);
      if (Checksum.isValid(last)) {
        Checksum sum = Checksum.of(last);
        if (wanted.contains(sum) && name.equals(key(sum))) {
          found.add(sum);
        }
      }
    }
    return true;
  }

  @Override
  public void upload(Checksum checksum, Path file, TransferProgress progress) {
    try {
      long size = Files.size(file);
      retry.call(
          "upload " + key(checksum),
          () -> {
            try (InputStream in = new CountingInputStream(Files.newInputStream(file), progress)) {
              client.putObject(
                  PutObjectArgs.builder().bucket(settings.bucket()).object(key(checksum)).stream(
                          in, size, PART_SIZE)
                      .contentType("application/octet-stream")
                      // minio-java's default, CRC32C, is computed in plain Java: a third of an
                      // upload's CPU in a profile; CRC32 runs on the JDK's intrinsic
                      .checksum(io.minio.Checksum.Algorithm.CRC32)
                      .build());
            }
            return null;
          });
    } catch (IOException e) {
      throw new AlcoveException("cannot read " + file + " to upload it: " + e.getMessage());
    } catch (RuntimeException e) {
      throw translate(e, "upload " + key(checksum));
    }
  }

  @Override
  public void get(Checksum checksum, Path target, TransferProgress progress) {
    try {
      retry.call(
          "download " + key(checksum),
          () -> {
            try (InputStream in =
                    client.getObject(
                        GetObjectArgs.builder()
                            .bucket(settings.bucket())
                            .object(key(checksum))
                            .build());
                OutputStream out = Files.newOutputStream(target)) {
              byte[] buffer = new byte[1 << 20];
              int read;
              while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                progress.transferred(read);
              }
            } catch (ErrorResponseException e) {
              if (MISSING.contains(e.errorResponse().code())) {
                throw new ObjectMissingException(describe(), checksum);
              }
              throw e;
            }
            return null;
          });
    } catch (RuntimeException e) {
      throw translate(e, "download " + key(checksum));
    }
  }

  /** One line that says what failed and what to check; never the secret. */
  private RuntimeException translate(RuntimeException e, String action) {
    if (e instanceof AlcoveException) {
      return e;
    }
    Throwable cause = e instanceof Retry.Failure failure ? failure.getCause() : e;
    String where = describe();
    if (cause instanceof ErrorResponseException response) {
      String code = response.errorResponse().code();
      if (BAD_CREDENTIALS.contains(code)) {
        return new AlcoveException(
            "S3 refused the credentials for "
                + where
                + " ("
                + code
                + "): check S3_ACCESS_KEY and S3_SECRET_KEY");
      }
      if ("NoSuchBucket".equals(code)) {
        return new AlcoveException(
            "bucket '" + settings.bucket() + "' does not exist at " + settings.endpoint());
      }
      return new AlcoveException(
          "S3 could not "
              + action
              + " in "
              + where
              + ": "
              + code
              + " "
              + response.errorResponse().message());
    }
    Throwable root = Retry.rootCause(cause);
    if (root instanceof ConnectException
        || root instanceof UnknownHostException
        || root instanceof SocketTimeoutException) {
      return new AlcoveException(
          "cannot reach S3 endpoint "
              + settings.endpoint()
              + " ("
              + root.getClass().getSimpleName()
              + "): check S3_ENDPOINT_URL and the network");
    }
    return new AlcoveException(
        "S3 could not " + action + " in " + where + ": " + rootMessage(cause));
  }

  private static String rootMessage(Throwable t) {
    Throwable root = Retry.rootCause(t);
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      // Closing releases connection pools; nothing the user can act on.
    }
  }

  private static final class CountingInputStream extends FilterInputStream {
    private final TransferProgress progress;

    CountingInputStream(InputStream in, TransferProgress progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.transferred(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        progress.transferred(n);
      }
      return n;
    }
  }

  /** Checked exceptions of minio and I/O, carried through {@link Retry}. */
  @FunctionalInterface
  interface S3Call<T> {
    T call() throws MinioException, IOException;
  }
}
