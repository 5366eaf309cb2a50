package dev.alcove.core.store.s3;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.http.HttpTimeouts;
import dev.alcove.core.http.Retrying;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.store.LandedRanges;
import dev.alcove.core.store.ObjectKeys;
import dev.alcove.core.store.ObjectMissingException;
import dev.alcove.core.store.ObjectStore;
import dev.alcove.core.store.StoredEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A store in an S3 bucket: MinIO, AWS, Backblaze B2, Cloudflare R2 or any S3-compatible server,
 * addressed path-style. Uploads larger than one part go multipart. Every upload is signed with the
 * object's SHA-256, which is its key, so the server checks each byte it receives.
 */
public final class S3Store implements ObjectStore {

  /** Parts of 16 MiB: large files go multipart, small ones in one request. */
  public static final long PART_SIZE = 16L << 20;

  private static final Set<String> BAD_CREDENTIALS =
      Set.of(
          "InvalidAccessKeyId",
          "SignatureDoesNotMatch",
          "InvalidToken",
          "ExpiredToken",
          "TokenRefreshRequired");

  private final S3Client client;
  private final S3Settings settings;
  private final Retry retry;

  private S3Store(S3Client client, S3Settings settings, Retry retry) {
    this.client = client;
    this.settings = settings;
    this.retry = retry;
  }

  /** Connects and checks that the bucket exists, so a wrong setting fails before any work. */
  public static S3Store open(S3Settings settings, Retry retry) {
    return open(settings, retry, HttpTimeouts.STANDARD.readMillis());
  }

  static S3Store open(S3Settings settings, Retry retry, int readTimeoutMillis) {
    S3Client client;
    try {
      URI endpoint = URI.create(settings.endpoint());
      if (endpoint.getHost() == null
          || !("http".equalsIgnoreCase(endpoint.getScheme())
              || "https".equalsIgnoreCase(endpoint.getScheme()))) {
        throw new IllegalArgumentException("no http(s) scheme or no host");
      }
      client =
          new S3Client(
              endpoint,
              settings.bucket(),
              settings.credentials(),
              settings.region(),
              settings.pathStyle(),
              settings.proxy(),
              HttpTimeouts.STANDARD.reading(readTimeoutMillis));
    } catch (IllegalArgumentException e) {
      throw new AlcoveException(
          "S3 endpoint '" + settings.endpoint() + "' is not a URL such as https://s3.example.com");
    }
    S3Store store = new S3Store(client, settings, retry);
    try {
      retry.call(
          "check bucket",
          () -> {
            client.locateBucket();
            return null;
          });
    } catch (RuntimeException e) {
      throw store.translate(e, "open the bucket");
    }
    return store;
  }

  /** From this many objects on, {@link #present} lists the store rather than asking each. */
  static final int LIST_FROM = 64;

  /** Transfers run this many at once: they wait on the network, not on a core. */
  public static final int TRANSFERS = ThreadBudget.TRANSFERS;

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
  public java.util.Optional<String> clusterLocation(Checksum checksum) {
    return java.util.Optional.of("s3a://" + settings.bucket() + "/" + key(checksum));
  }

  @Override
  public java.util.Optional<ClusterOutput> clusterOutput() {
    return java.util.Optional.of(new S3ClusterOutput(this));
  }

  /**
   * The Hadoop settings of S3A for this bucket alone ({@code fs.s3a.bucket.<bucket>.*}): its
   * endpoint, addressing, region and the keys in use now.
   */
  @Override
  public java.util.Map<String, String> clusterAccess() {
    String bucketSettings = "fs.s3a.bucket." + settings.bucket() + ".";
    java.util.Map<String, String> access = new java.util.LinkedHashMap<>();
    access.put(bucketSettings + "endpoint", settings.endpoint());
    access.put(bucketSettings + "endpoint.region", client.region());
    access.put(bucketSettings + "path.style.access", String.valueOf(client.pathStyle()));
    S3Credentials keys = settings.credentials().current();
    access.put(bucketSettings + "access.key", keys.accessKey());
    access.put(bucketSettings + "secret.key", keys.secretKey());
    keys.sessionToken()
        .ifPresent(
            token -> {
              access.put(bucketSettings + "session.token", token);
              access.put(
                  bucketSettings + "aws.credentials.provider",
                  "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider");
            });
    return access;
  }

  /** The bucket and prefix as a cluster names a key: {@code s3a://bucket/key}. */
  String clusterUri(String key) {
    return "s3a://" + settings.bucket() + "/" + key;
  }

  /** The key of {@code name} beside the objects, under the store's prefix. */
  String keyBeside(String name) {
    return settings.prefix().isEmpty() ? name : settings.prefix() + "/" + name;
  }

  /** Every object under {@code prefix}, page by page. */
  List<S3Client.Listed> listKeys(String prefix) {
    return call(
        "list " + prefix,
        () -> {
          List<S3Client.Listed> objects = new ArrayList<>();
          Optional<String> token = Optional.empty();
          do {
            S3Client.Page page = client.list(prefix, token);
            objects.addAll(page.objects());
            token = page.next();
          } while (token.isPresent());
          return objects;
        });
  }

  /** The SHA-256 of an object, read as it streams by: nothing is written here. */
  Checksum checksumOf(String key, TransferProgress progress) {
    return call(
        "read " + key,
        () -> {
          MessageDigest digest = Sha256.newDigest();
          try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            client.get(key, out, progress);
          }
          return Checksum.ofDigest(digest.digest());
        });
  }

  /** Copies the object at {@code key} into the store as {@code checksum}, on the server. */
  void adopt(String key, long size, Checksum checksum) {
    if (contains(checksum)) {
      return;
    }
    try {
      client.copy(key, key(checksum), size, copyPartSize, retry);
    } catch (RuntimeException e) {
      throw translate(e, "copy " + key + " to " + key(checksum));
    }
    java.util.OptionalLong copied = size(checksum);
    if (copied.isEmpty() || copied.getAsLong() != size) {
      delete(checksum);
      throw new AlcoveException(
          "copying "
              + key
              + " to "
              + key(checksum)
              + " in "
              + describe()
              + " made "
              + (copied.isEmpty() ? "nothing" : copied.getAsLong() + " bytes")
              + ", not "
              + size
              + ": try again");
    }
  }

  private long copyPartSize = S3Client.MAX_SINGLE_COPY;

  /** Copies larger than {@code bytes} go in parts of that size: for tests of the parts. */
  void copyInPartsOf(long bytes) {
    this.copyPartSize = bytes;
  }

  @Override
  public java.util.OptionalLong size(Checksum checksum) {
    try {
      return retry.call("look up " + key(checksum), () -> client.size(key(checksum)));
    } catch (RuntimeException e) {
      throw translate(e, "look up " + key(checksum));
    }
  }

  @Override
  public boolean contains(Checksum checksum) {
    try {
      return retry.call("look up " + key(checksum), () -> client.exists(key(checksum)));
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
  public Set<Checksum> present(Collection<Checksum> checksums, ThreadBudget threads) {
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
      if (!deniedListing(e)) {
        throw translate(e, "list the objects");
      }
      // Keys that may read and write objects but not list them: ask object by object.
      found.clear();
      complete = false;
    }
    if (!complete) {
      List<Checksum> unseen = wanted.stream().filter(sum -> !found.contains(sum)).toList();
      found.addAll(ObjectStore.super.present(unseen, threads));
    }
    return found;
  }

  private static boolean deniedListing(RuntimeException e) {
    Throwable cause = e instanceof Retry.Failure failure ? failure.getCause() : e;
    return cause instanceof S3Exception answer && answer.code().equals("AccessDenied");
  }

  /** Adds the keys listed that are wanted to {@code found}; false if it stopped at the limit. */
  private boolean listInto(Set<Checksum> wanted, Set<Checksum> found, long limit)
      throws IOException {
    String prefix = settings.prefix().isEmpty() ? "" : settings.prefix() + "/";
    long listed = 0;
    Optional<String> token = Optional.empty();
    do {
      S3Client.Page page = client.list(prefix, token);
      for (S3Client.Listed object : page.objects()) {
        String name = object.key();
        if (++listed > limit) {
          return false;
        }
        String last = name.substring(name.lastIndexOf('/') + 1);
        if (Checksum.isValid(last)) {
          Checksum sum = Checksum.of(last);
          if (wanted.contains(sum) && name.equals(key(sum))) {
            found.add(sum);
          }
        }
      }
      token = page.next();
    } while (token.isPresent());
    return true;
  }

  @Override
  public void upload(Checksum checksum, Path file, TransferProgress progress) {
    upload(checksum, file, progress, ThreadBudget.of(1));
  }

  @Override
  public void upload(
      Checksum checksum, Path file, TransferProgress progress, ThreadBudget threads) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new AlcoveException("cannot read " + file + " to upload it: " + e.getMessage());
    }
    try {
      client.put(key(checksum), file, size, checksum.hex(), PART_SIZE, progress, retry, threads);
    } catch (RuntimeException e) {
      throw translate(e, "upload " + key(checksum));
    }
  }

  @Override
  public Checksum get(Checksum checksum, Path target, TransferProgress progress) {
    try {
      return retry.call(
          "download " + key(checksum),
          () -> {
            MessageDigest digest = Sha256.newDigest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
              client.get(key(checksum), out, progress);
            } catch (S3Exception e) {
              if (e.status() == 404) {
                throw new ObjectMissingException(describe(), checksum);
              }
              throw e;
            }
            return Checksum.ofDigest(digest.digest());
          });
    } catch (RuntimeException e) {
      throw translate(e, "download " + key(checksum));
    }
  }

  /** Large objects come down in ranges of this size, several at once. */
  static final long RANGE_SIZE = PART_SIZE;

  @Override
  public Checksum get(
      Checksum checksum,
      Path target,
      TransferProgress progress,
      ThreadBudget threads,
      LandedRanges landed) {
    try {
      return client.getInRanges(
          key(checksum), target, progress, RANGE_SIZE, threads, retry, landed);
    } catch (IOException | RuntimeException e) {
      Throwable cause = e instanceof Retry.Failure failure ? failure.getCause() : e;
      if (cause instanceof S3Exception answer && answer.status() == 404) {
        throw new ObjectMissingException(describe(), checksum);
      }
      throw translate(
          e instanceof RuntimeException runtime ? runtime : new Retry.Failure((IOException) e),
          "download " + key(checksum));
    }
  }

  @Override
  public void delete(Checksum checksum) {
    deleteKey(key(checksum));
  }

  @Override
  public Optional<byte[]> readEntry(String name, int maxBytes) {
    String key = ObjectKeys.entryKey(settings.prefix(), name);
    return call("read " + key, () -> client.getSmall(key, maxBytes));
  }

  @Override
  public void writeEntry(String name, byte[] content) {
    String key = ObjectKeys.entryKey(settings.prefix(), name);
    call(
        "write " + key,
        () -> {
          client.putSmall(key, content);
          return null;
        });
  }

  @Override
  public void deleteEntry(String name) {
    deleteKey(ObjectKeys.entryKey(settings.prefix(), name));
  }

  void deleteKey(String key) {
    call(
        "delete " + key,
        () -> {
          client.delete(key);
          return null;
        });
  }

  @Override
  public List<StoredEntry> listEntries(String folder) {
    String base = ObjectKeys.entryKey(settings.prefix(), folder + "/x");
    String prefix = base.substring(0, base.length() - 1);
    String storePrefix = settings.prefix().isEmpty() ? "" : settings.prefix() + "/";
    return listKeys(prefix).stream()
        .map(
            object ->
                new StoredEntry(
                    object.key().substring(storePrefix.length()),
                    object.size(),
                    Instant.parse(object.lastModified())))
        .toList();
  }

  private <T> T call(String action, S3Call<T> request) {
    try {
      return retry.call(action, request);
    } catch (RuntimeException e) {
      throw translate(e, action);
    }
  }

  /** One line that says what failed and what to check; never the secret. */
  private RuntimeException translate(RuntimeException e, String action) {
    if (e instanceof AlcoveException) {
      return e;
    }
    Throwable cause = e instanceof Retry.Failure failure ? failure.getCause() : e;
    String where = describe();
    if (cause instanceof S3Exception response) {
      String code = response.code();
      if (code.equals("AccessDenied") || code.equals("Forbidden")) {
        return new AlcoveException(
            "S3 denied the request to "
                + action
                + " in "
                + where
                + " ("
                + code
                + "): the credentials ("
                + settings.credentials().describe()
                + ") need the permission "
                + permissionFor(action)
                + " on the bucket; see the README's IAM policy");
      }
      if (BAD_CREDENTIALS.contains(code)) {
        return new AlcoveException(
            "S3 refused the credentials ("
                + settings.credentials().describe()
                + ") for "
                + where
                + " ("
                + code
                + "): "
                + (code.contains("Token")
                    ? "the session token is missing, wrong or expired: get new temporary"
                        + " credentials (AWS_SESSION_TOKEN with its keys)"
                    : "check the access key and its secret"));
      }
      if (response.status() == 301 && response.region().isPresent()) {
        return new AlcoveException(
            "bucket '"
                + settings.bucket()
                + "' is in region "
                + response.region().get()
                + ", not the one "
                + settings.endpoint()
                + " serves: set the endpoint for "
                + response.region().get()
                + " (or the region, on AWS)");
      }
      if ("NoSuchBucket".equals(code)) {
        return new AlcoveException(
            "bucket '" + settings.bucket() + "' does not exist at " + settings.endpoint());
      }
      return new AlcoveException(
          "S3 could not " + action + " in " + where + ": " + response.getMessage());
    }
    Throwable root = Retrying.rootCause(cause);
    if (Retrying.isReadTimeout(root)) {
      return new AlcoveException(
          "S3 endpoint "
              + settings.endpoint()
              + " took the request to "
              + action
              + " but did not answer in time, twice: check that it is an S3 server and that it"
              + " is not overloaded");
    }
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

  /** The IAM permission an operation needs, for the message that says it was denied. */
  static String permissionFor(String action) {
    if (action.startsWith("upload") || action.startsWith("write")) {
      return "s3:PutObject";
    }
    if (action.startsWith("list") || action.startsWith("open")) {
      return "s3:ListBucket";
    }
    if (action.startsWith("delete")) {
      return "s3:DeleteObject";
    }
    return "s3:GetObject";
  }

  private static String rootMessage(Throwable t) {
    Throwable root = Retrying.rootCause(t);
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  @Override
  public void close() {
    // Connections are pooled by the JDK and closed when idle.
  }

  /** Checked exceptions of HTTP and I/O, carried through {@link Retry}. */
  @FunctionalInterface
  interface S3Call<T> {
    T call() throws IOException;
  }
}
