package dev.alcove.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A reference for rows 6a and 6b: the least a goal does to move a folder to or from S3 with what
 * alcove must do beside the copy, and nothing else: the JDK's HTTP client, requests signed (SigV4),
 * 8 at once; SHA-256 of every byte; for a download, a copy of each file in a cache laid out as the
 * store (ab/cd/sha), written by the kernel's copy; for an upload, the copy into the alcove (an
 * upload leaves the cache alone, as alcove's does). No temporary names, no flushes, no retries, no
 * progress: a lower bound, not a tool. {@link FloorMojo} runs it as a Maven goal.
 *
 * <p>Args: get|fetch|put|send endpoint bucket prefix access-key secret-key folder cache [copy]. get
 * fetches every object under the prefix into the folder (named by checksum); fetch does only that,
 * neither hashing nor caching: less than any restore must do, so what no goal restoring the folder
 * can beat; put sends every file of the folder to prefix/ab/cd/sha after copying it to {@code
 * copy}; send only sends each file as it is, unhashed and uncopied, as fetch only fetches. Prints
 * the seconds the transfer took.
 */
public final class PlainS3 {
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String REGION = "us-east-1";
  private static final HexFormat HEX = HexFormat.of();

  /**
   * As alcove reads and writes: in chunks of 1 MiB, so that a request goes out in few writes, one
   * array per thread (a new one per file would be a humongous allocation each to G1).
   */
  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[1 << 20]);

  private static String endpoint;
  private static String host;
  private static String bucket;
  private static String accessKey;
  private static String secretKey;

  private PlainS3() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    endpoint = args[1];
    host = URI.create(endpoint).getAuthority();
    bucket = args[2];
    String prefix = args[3];
    accessKey = args[4];
    secretKey = args[5];
    Path folder = Path.of(args[6]);
    Path cache = Path.of(args[7]);
    long start = System.nanoTime();
    ExecutorService threads =
        Executors.newFixedThreadPool(
            8,
            task -> {
              Thread thread = new Thread(task);
              thread.setDaemon(true); // a failure ends the program
              return thread;
            });
    List<Future<Long>> done = new ArrayList<>();
    if (mode.equals("send")) {
      try (var files = Files.list(folder)) {
        for (Path file : files.sorted().toList()) {
          done.add(threads.submit(() -> put(file, null, prefix)));
        }
      }
    } else if (mode.equals("get") || mode.equals("fetch")) {
      boolean verifyAndCache = mode.equals("get");
      Files.createDirectories(folder);
      for (String key : list(prefix)) {
        done.add(threads.submit(() -> get(key, folder, verifyAndCache ? cache : null)));
      }
    } else if (mode.equals("put")) {
      Path copy = Path.of(args[8]);
      Files.createDirectories(copy);
      // As alcove does: every file hashed and copied first, on every core, then all sent.
      List<Future<String>> copied = new ArrayList<>();
      try (var files = Files.list(folder)) {
        for (Path file : files.sorted().toList()) {
          copied.add(threads.submit(() -> copy(file, copy)));
        }
      }
      try (var files = Files.list(folder)) {
        int i = 0;
        for (Path file : files.sorted().toList()) {
          String sha = copied.get(i++).get();
          Path local = copy.resolve(file.getFileName());
          done.add(threads.submit(() -> put(local, sha, prefix)));
        }
      }
    } else {
      throw new IllegalArgumentException("unknown mode " + mode + ": get, fetch, put or send");
    }
    long bytes = 0;
    for (Future<Long> each : done) {
      bytes += each.get();
    }
    threads.shutdown();
    System.out.printf(
        "%s %d files, %d bytes in %.3f%n",
        mode, done.size(), bytes, (System.nanoTime() - start) / 1e9);
  }

  private static List<String> list(String prefix) throws Exception {
    List<String> keys = new ArrayList<>();
    String token = null;
    Pattern key = Pattern.compile("<Key>([^<]+)</Key>");
    Pattern next = Pattern.compile("<NextContinuationToken>([^<]+)</NextContinuationToken>");
    do {
      String query =
          // The JDK's form encoding is S3's here: prefixes and tokens are letters, digits, '/',
          // '+' and '=', which both write alike (they differ on ' ', '*' and '~').
          (token == null
                  ? ""
                  : "continuation-token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&")
              + "list-type=2&prefix="
              + URLEncoder.encode(prefix, StandardCharsets.UTF_8);
      HttpURLConnection connection = request("GET", "/" + bucket, query, EMPTY_SHA256);
      String xml;
      try (InputStream in = connection.getInputStream()) {
        xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Matcher found = key.matcher(xml);
      while (found.find()) {
        keys.add(found.group(1));
      }
      Matcher more = next.matcher(xml);
      token = xml.contains("<IsTruncated>true</IsTruncated>") && more.find() ? more.group(1) : null;
    } while (token != null);
    return keys;
  }

  /** Downloads {@code key}; with a cache, checks its bytes and copies them into the cache. */
  private static long get(String key, Path folder, Path cache) throws Exception {
    String sha = key.substring(key.lastIndexOf('/') + 1);
    HttpURLConnection connection = request("GET", "/" + bucket + "/" + key, "", EMPTY_SHA256);
    Path target = folder.resolve(sha);
    // fetch moves the bytes only: no digest at all, so that it stays the least a download costs.
    MessageDigest digest = cache == null ? null : MessageDigest.getInstance("SHA-256");
    long size = 0;
    byte[] buffer = BUFFER.get();
    try (InputStream in = connection.getInputStream();
        OutputStream out = Files.newOutputStream(target)) {
      for (int read; (read = in.read(buffer)) >= 0; size += read) {
        if (digest != null) {
          digest.update(buffer, 0, read);
        }
        out.write(buffer, 0, read);
      }
    }
    if (digest != null) {
      if (!HEX.formatHex(digest.digest()).equals(sha)) {
        throw new IOException(key + " does not hash to its name");
      }
      copyInto(cache, sha, target);
    }
    return size;
  }

  /** Hashes {@code file} while copying it into {@code copy}; its SHA-256. */
  private static String copy(Path file, Path copy) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    Path copied = copy.resolve(file.getFileName());
    byte[] buffer = BUFFER.get();
    try (InputStream in = Files.newInputStream(file);
        OutputStream out = Files.newOutputStream(copied)) {
      for (int read; (read = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, read);
        out.write(buffer, 0, read);
      }
    }
    return HEX.formatHex(digest.digest());
  }

  /**
   * Sends {@code copied} to prefix/ab/cd/sha; without a checksum, to prefix/name, its body unsigned
   * (S3's UNSIGNED-PAYLOAD).
   */
  private static long put(Path copied, String sha, String prefix) throws Exception {
    byte[] buffer = BUFFER.get();
    long size = Files.size(copied);
    String key =
        sha == null
            ? prefix + copied.getFileName()
            : prefix + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
    HttpURLConnection connection =
        request("PUT", "/" + bucket + "/" + key, "", sha == null ? "UNSIGNED-PAYLOAD" : sha);
    // Without a type of its own, the JDK would call the body a form, which the server may read.
    connection.setRequestProperty("content-type", "application/octet-stream");
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(size);
    try (OutputStream out = connection.getOutputStream();
        InputStream in = Files.newInputStream(copied)) {
      for (int read; (read = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, read);
      }
    }
    if (connection.getResponseCode() != 200) {
      throw new IOException("PUT " + key + ": " + connection.getResponseCode());
    }
    connection.getInputStream().readAllBytes();
    return size;
  }

  /** Copies {@code file} to the cache's ab/cd/sha with the kernel's copy. */
  private static void copyInto(Path cache, String sha, Path file) throws IOException {
    Path object = cache.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    Files.createDirectories(object.getParent());
    try (FileChannel in = FileChannel.open(file);
        FileChannel out =
            FileChannel.open(object, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      for (long at = 0, size = in.size(); at < size; ) {
        at += in.transferTo(at, size - at, out);
      }
    }
  }

  /** A request signed with AWS Signature Version 4, its body's SHA-256 being {@code payload}. */
  private static HttpURLConnection request(String method, String path, String query, String payload)
      throws Exception {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    String date = now.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
    String day = date.substring(0, 8);
    String canonical =
        method
            + "\n"
            + path
            + "\n"
            + query
            + "\n"
            + "host:"
            + host
            + "\nx-amz-content-sha256:"
            + payload
            + "\nx-amz-date:"
            + date
            + "\n\nhost;x-amz-content-sha256;x-amz-date\n"
            + payload;
    String scope = day + "/" + REGION + "/s3/aws4_request";
    String toSign =
        "AWS4-HMAC-SHA256\n"
            + date
            + "\n"
            + scope
            + "\n"
            + HEX.formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
    for (String part : new String[] {REGION, "s3", "aws4_request"}) {
      key = hmac(key, part);
    }
    HttpURLConnection connection =
        (HttpURLConnection)
            URI.create(endpoint + path + (query.isEmpty() ? "" : "?" + query))
                .toURL()
                .openConnection();
    connection.setRequestMethod(method);
    connection.setRequestProperty("x-amz-date", date);
    connection.setRequestProperty("x-amz-content-sha256", payload);
    connection.setRequestProperty(
        "Authorization",
        "AWS4-HMAC-SHA256 Credential="
            + accessKey
            + "/"
            + scope
            + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature="
            + HEX.formatHex(hmac(key, toSign)));
    return connection;
  }

  private static byte[] hmac(byte[] key, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
  }
}
