package dev.alcove.core.store.s3;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.concurrent.Parallel;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.http.HttpConnections;
import dev.alcove.core.http.HttpProxy;
import dev.alcove.core.http.HttpTimeouts;
import dev.alcove.core.io.Buffers;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.store.LandedRanges;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The few S3 requests a content-addressed store needs, path-style, over the JDK's HTTP client: look
 * up, put (in one request or multipart), get and list objects. Each call is one attempt; {@link
 * Retry} decides what is tried again.
 */
final class S3Client {

  /** The most parts S3 accepts in one multipart upload. */
  private static final int MAX_PARTS = 10_000;

  private final String bucket;
  private final HttpTimeouts timeouts;
  private final CredentialSource credentials;
  private final Optional<Boolean> pathStyle;
  private final Optional<HttpProxy> proxy;
  private volatile S3Endpoint endpoint;
  private volatile String region;

  /** How far the server's clock is ahead of this one's, once a server said the two differ. */
  private volatile java.time.Duration clockOffset = java.time.Duration.ZERO;

  S3Client(URI endpoint, String bucket, String accessKey, String secretKey) {
    this(
        endpoint,
        bucket,
        CredentialSource.fixed(S3Credentials.of(accessKey, secretKey), "test"),
        Optional.empty(),
        Optional.of(true),
        Optional.empty(),
        HttpTimeouts.STANDARD);
  }

  S3Client(
      URI endpoint,
      String bucket,
      CredentialSource credentials,
      Optional<String> region,
      Optional<Boolean> pathStyle,
      Optional<HttpProxy> proxy,
      HttpTimeouts timeouts) {
    this.proxy = proxy;
    this.timeouts = timeouts;
    this.endpoint = new S3Endpoint(endpoint);
    this.bucket = bucket;
    this.credentials = credentials;
    this.pathStyle = pathStyle;
    this.region = region.or(() -> this.endpoint.region()).orElse(S3Endpoint.DEFAULT_REGION);
  }

  /** The Host header as the JDK sends it: the port only when it is not the scheme's default. */
  private static String hostHeader(URI endpoint, String host) {
    int port = endpoint.getPort();
    int standard = "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
    return port == -1 || port == standard ? host : host + ":" + port;
  }

  /** The endpoint requests now go to, which may have moved to the bucket's own region (AWS). */
  URI endpoint() {
    return endpoint.uri();
  }

  /** Whether requests name the bucket in the path rather than in the host. */
  boolean pathStyle() {
    return !endpoint.virtualHostedFor(bucket, pathStyle);
  }

  String region() {
    return region;
  }

  /**
   * Signs later requests for {@code newRegion}; on AWS, sends them to that region's endpoint too,
   * since a regional endpoint answers only for its own region's buckets.
   */
  private void moveTo(String newRegion) {
    region = newRegion;
    if (endpoint.isAws() && !endpoint.region().orElse("").equals(newRegion)) {
      endpoint = S3Endpoint.aws(newRegion);
    }
  }

  /**
   * Asks where the bucket is, which also proves that it exists and that the credentials are good,
   * and signs every later request for that region.
   */
  void locateBucket() throws IOException {
    S3Exception refused = null;
    try {
      String located = endpoint.regionOfLocation(askLocation());
      if (!located.equals(region)) {
        moveTo(located);
      }
    } catch (S3Exception e) {
      // A server without the call, or a key allowed objects but not this, keeps the default
      // region; the HEAD below still proves the bucket and the key.
      if (e.status() != 403 && e.status() != 405 && e.status() != 501) {
        throw e;
      }
      refused = e;
    }
    // Some servers tell the location of any bucket name; only this answers for the bucket itself.
    try {
      drain(send("HEAD", "", new TreeMap<>(), Map.of(), null));
    } catch (S3Exception e) {
      if (e.status() == 404) {
        throw new S3Exception(404, "NoSuchBucket", "no such bucket", Optional.empty());
      }
      if (e.status() == 403 && refused != null && refused.code().equals("AccessDenied")) {
        // Good keys allowed objects but not the bucket itself (no s3:ListBucket): what they may
        // not do, each operation will say.
        return;
      }
      // A HEAD answer has no body: the refusal of the location says more (SignatureDoesNotMatch)
      throw e.status() == 403 && refused != null && refused.status() == 403 ? refused : e;
    }
  }

  /** The bucket's LocationConstraint; AWS says which region to sign for if it is not this one. */
  private String askLocation() throws IOException {
    HttpURLConnection connection;
    try {
      connection = send("GET", "", query("location", ""), Map.of(), null);
    } catch (S3Exception e) {
      if (e.region().isEmpty() || e.region().get().equals(region)) {
        throw e;
      }
      moveTo(e.region().get());
      connection = send("GET", "", query("location", ""), Map.of(), null);
    }
    return first(readXml(connection, Set.of("LocationConstraint")), "LocationConstraint")
        .orElse("");
  }

  boolean exists(String key) throws IOException {
    return size(key).isPresent();
  }

  /** The object's size as a HEAD request gives it; empty when there is no such object. */
  java.util.OptionalLong size(String key) throws IOException {
    try {
      HttpURLConnection connection = send("HEAD", key, new TreeMap<>(), Map.of(), null);
      long length = connection.getContentLengthLong();
      drain(connection);
      return java.util.OptionalLong.of(Math.max(length, 0));
    } catch (S3Exception e) {
      if (e.status() == 404) {
        return java.util.OptionalLong.empty();
      }
      throw e;
    }
  }

  /**
   * Uploads {@code file}, whose SHA-256 is {@code sha256}, in one request or in parts, up to {@link
   * #PARTS_AT_ONCE} at once on what {@code threads} has free; each request is tried again on its
   * own through {@code retry}, so a part that fails does not send the others again.
   */
  void put(
      String key,
      Path file,
      long size,
      String sha256,
      long partSize,
      TransferProgress progress,
      Retry retry,
      ThreadBudget threads) {
    if (size <= partSize) {
      retry.call(
          "upload " + key,
          () -> {
            drain(
                send(
                    "PUT",
                    key,
                    new TreeMap<>(),
                    objectHeaders(),
                    new Body(file, 0, size, sha256, progress)));
            return null;
          });
      return;
    }
    long part = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
    String uploadId = startMultipart(key, retry);
    try {
      List<long[]> parts = new ArrayList<>();
      for (long offset = 0; offset < size; offset += part) {
        parts.add(new long[] {parts.size() + 1, offset, Math.min(part, size - offset)});
      }
      List<String> etags =
          Parallel.map(
              parts,
              threads,
              PARTS_AT_ONCE,
              range -> uploadPart(key, uploadId, file, range, progress, retry));
      completeMultipart(key, uploadId, etags, retry);
    } catch (RuntimeException e) {
      abortMultipart(key, uploadId, e);
      throw e;
    }
  }

  private String startMultipart(String key, Retry retry) {
    return retry.call(
        "start the upload of " + key,
        () ->
            first(
                    readXml(
                        send("POST", key, query("uploads", ""), objectHeaders(), null),
                        Set.of("UploadId")),
                    "UploadId")
                .orElseThrow(
                    () -> new IOException("the server started a multipart upload without an id")));
  }

  private void completeMultipart(String key, String uploadId, List<String> etags, Retry retry) {
    StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
    for (int i = 0; i < etags.size(); i++) {
      xml.append("<Part><PartNumber>")
          .append(i + 1)
          .append("</PartNumber><ETag>")
          .append(etags.get(i).replace("&", "&amp;").replace("<", "&lt;"))
          .append("</ETag></Part>");
    }
    byte[] body =
        xml.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8);
    // With no type of its own, the JDK would call the body a form, which servers may consume
    retry.call(
        "complete the upload of " + key,
        () ->
            readXml(
                send(
                    "POST",
                    key,
                    query("uploadId", uploadId),
                    Map.of("content-type", "application/xml"),
                    new Body(body)),
                Set.of()));
  }

  /** Gives up an upload that failed, so that its parts are not kept (and billed) for nothing. */
  private void abortMultipart(String key, String uploadId, RuntimeException failure) {
    try {
      drain(send("DELETE", key, query("uploadId", uploadId), Map.of(), null));
    } catch (IOException | RuntimeException abortFailed) {
      failure.addSuppressed(abortFailed);
    }
  }

  /** The largest object one copy request may make; larger ones are copied in parts. */
  static final long MAX_SINGLE_COPY = 5L << 30;

  /**
   * Copies {@code source} to {@code target} inside the bucket, on the server: no byte passes
   * through this JVM. An object over {@code singleCopyLimit} is copied in parts of that size.
   */
  void copy(String source, String target, long size, long singleCopyLimit, Retry retry) {
    String from = "/" + Signer.encode(bucket, false) + "/" + Signer.encode(source, true);
    if (size <= singleCopyLimit) {
      retry.call(
          "copy " + source + " to " + target,
          () ->
              readXml(
                  send(
                      "PUT",
                      target,
                      new TreeMap<>(),
                      Map.of("x-amz-copy-source", from, "content-type", "application/octet-stream"),
                      null),
                  Set.of()));
      return;
    }
    String uploadId = startMultipart(target, retry);
    try {
      List<String> etags = new ArrayList<>();
      for (long offset = 0; offset < size; offset += singleCopyLimit) {
        int number = etags.size() + 1;
        String range = "bytes=" + offset + "-" + (Math.min(offset + singleCopyLimit, size) - 1);
        etags.add(
            retry.call(
                "copy part " + number + " of " + target,
                () -> {
                  SortedMap<String, String> query = query("partNumber", String.valueOf(number));
                  query.put("uploadId", uploadId);
                  return first(
                          readXml(
                              send(
                                  "PUT",
                                  target,
                                  query,
                                  Map.of(
                                      "x-amz-copy-source", from,
                                      "x-amz-copy-source-range", range),
                                  null),
                              Set.of("ETag")),
                          "ETag")
                      .orElseThrow(
                          () ->
                              new IOException(
                                  "the server copied part " + number + " without an ETag"));
                }));
      }
      completeMultipart(target, uploadId, etags, retry);
    } catch (RuntimeException e) {
      abortMultipart(target, uploadId, e);
      throw e;
    }
  }

  /** Parts of one object sent at once: more than this gains nothing on the machines measured. */
  static final int PARTS_AT_ONCE = 4;

  /** One part, {@code range} being its number, offset and length; returns its ETag. */
  private String uploadPart(
      String key,
      String uploadId,
      Path file,
      long[] range,
      TransferProgress progress,
      Retry retry) {
    int number = (int) range[0];
    long start = range[1];
    long length = range[2];
    String partSha256 = retry.call("read " + file, () -> sha256(file, start, length));
    return retry.call(
        "upload part " + number + " of " + key,
        () -> {
          SortedMap<String, String> query = query("partNumber", String.valueOf(number));
          query.put("uploadId", uploadId);
          HttpURLConnection connection =
              send(
                  "PUT", key, query, Map.of(), new Body(file, start, length, partSha256, progress));
          String etag = connection.getHeaderField("ETag");
          drain(connection);
          if (etag == null) {
            throw new IOException("the server stored part " + number + " without an ETag");
          }
          return etag;
        });
  }

  /** Writes the object's bytes to {@code out}; a missing object is an error with status 404. */
  void get(String key, OutputStream out, TransferProgress progress) throws IOException {
    HttpURLConnection connection = send("GET", key, new TreeMap<>(), Map.of(), null);
    long expected = declaredLength(connection);
    if (expected >= 0) {
      progress.expect(expected);
    }
    long received = 0;
    try (InputStream in = connection.getInputStream()) {
      byte[] buffer = Buffers.perThread();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        received += read;
        progress.transferred(read);
      }
    }
    requireWhole(received, expected);
  }

  /**
   * Downloads the object to {@code target} in ranges of {@code rangeSize}, up to {@link
   * #PARTS_AT_ONCE} at once on what {@code threads} has free, each range tried again on its own;
   * returns the SHA-256 of the bytes written (computed as they come for an object of one range, by
   * reading the file back otherwise). A server that ignores ranges sends the whole object at once.
   */
  Checksum getInRanges(
      String key,
      Path target,
      TransferProgress progress,
      long rangeSize,
      ThreadBudget threads,
      Retry retry,
      LandedRanges landed)
      throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            target,
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      MessageDigest digest = Sha256.newDigest();
      long total =
          retry.call(
              "download " + key,
              () -> {
                channel.truncate(0);
                digest.reset();
                return getRange(key, channel, 0, rangeSize, progress, Optional.of(digest));
              });
      progress.expect(total);
      landed.landed(channel, 0, channel.size());
      if (channel.size() >= total) {
        // One range held it all (or the server sent it whole): hashed as it came.
        return Checksum.ofDigest(digest.digest());
      }
      List<Long> starts = new ArrayList<>();
      for (long start = rangeSize; start < total; start += rangeSize) {
        starts.add(start);
      }
      HashingBehind hashing = new HashingBehind(channel, digest, rangeSize, total);
      Parallel.map(
          starts,
          threads,
          PARTS_AT_ONCE,
          start -> {
            long length = Math.min(rangeSize, total - start);
            retry.call(
                "download bytes " + start + "- of " + key,
                () -> {
                  long declared = getRange(key, channel, start, length, progress, Optional.empty());
                  if (declared != total) {
                    throw new IOException(key + " changed size while it was downloaded");
                  }
                  return null;
                });
            hashing.arrived(start, length);
            landed.landed(channel, start, length);
            return null;
          });
      return hashing.finish();
    }
  }

  private static final java.util.regex.Pattern CONTENT_RANGE =
      java.util.regex.Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

  /**
   * Writes bytes {@code start} to {@code start + length - 1} of the object into {@code channel} at
   * the same offset; returns the object's whole size, as the answer declares it.
   */
  private long getRange(
      String key,
      FileChannel channel,
      long start,
      long length,
      TransferProgress progress,
      Optional<MessageDigest> digest)
      throws IOException {
    HttpURLConnection connection;
    try {
      connection =
          send(
              "GET",
              key,
              new TreeMap<>(),
              Map.of("range", "bytes=" + start + "-" + (start + length - 1)),
              null);
    } catch (S3Exception e) {
      if (e.status() != 416 || start != 0) {
        throw e;
      }
      // An empty object has no first byte, so S3 refuses any range of it: ask for it whole.
      connection = send("GET", key, new TreeMap<>(), Map.of(), null);
    }
    long declared = declaredLength(connection);
    long total;
    if (connection.getResponseCode() == 206) {
      String range = String.valueOf(connection.getHeaderField("Content-Range"));
      java.util.regex.Matcher parsed = CONTENT_RANGE.matcher(range);
      if (!parsed.matches() || Long.parseLong(parsed.group(1)) != start) {
        throw new IOException("the server answered a range request with '" + range + "'");
      }
      total = Long.parseLong(parsed.group(3));
      if (total == 0) {
        // Some servers answer a range of an empty object with an impossible range (bytes 0-0/0)
        // and a length they do not send: the object is empty, whatever the rest says.
        connection.disconnect();
        return 0;
      }
    } else if (start == 0) {
      total = declared; // the whole object: a server without ranges
    } else {
      throw new IOException("the server ignored a range request");
    }
    long position = start;
    try (InputStream in = connection.getInputStream()) {
      byte[] buffer = Buffers.perThread();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
        while (bytes.hasRemaining()) {
          position += channel.write(bytes, position);
        }
        if (digest.isPresent()) {
          digest.get().update(buffer, 0, read);
        }
        progress.transferred(read);
      }
    }
    requireWhole(position - start, declared);
    return total < 0 ? position : total;
  }

  /** An object as a listing shows it. */
  record Listed(String key, long size, String lastModified) {}

  /** One page of the objects under {@code prefix}, and the token for the next page if any. */
  record Page(List<Listed> objects, Optional<String> next) {}

  Page list(String prefix, Optional<String> token) throws IOException {
    SortedMap<String, String> query = query("list-type", "2");
    query.put("prefix", prefix);
    token.ifPresent(t -> query.put("continuation-token", t));
    Map<String, List<String>> fields =
        readXml(
            send("GET", "", query, Map.of(), null),
            Set.of("Key", "Size", "LastModified", "IsTruncated", "NextContinuationToken"));
    boolean truncated = first(fields, "IsTruncated").map("true"::equals).orElse(false);
    List<String> keys = fields.getOrDefault("Key", List.of());
    List<String> sizes = fields.getOrDefault("Size", List.of());
    List<String> times = fields.getOrDefault("LastModified", List.of());
    if (sizes.size() != keys.size() || times.size() != keys.size()) {
      throw new IOException("the server listed objects without their size or time");
    }
    List<Listed> objects = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      objects.add(new Listed(keys.get(i), Long.parseLong(sizes.get(i).strip()), times.get(i)));
    }
    return new Page(objects, truncated ? first(fields, "NextContinuationToken") : Optional.empty());
  }

  /** The whole of a small object, or empty when there is none; one over {@code max} is refused. */
  Optional<byte[]> getSmall(String key, int max) throws IOException {
    HttpURLConnection connection;
    try {
      connection = send("GET", key, new TreeMap<>(), Map.of(), null);
    } catch (S3Exception e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    long declared = declaredLength(connection);
    if (declared > max) {
      connection.disconnect();
      throw new IOException(key + " holds " + declared + " bytes, more than " + max);
    }
    byte[] bytes;
    try (InputStream in = connection.getInputStream()) {
      bytes = in.readNBytes(max + 1);
    }
    if (bytes.length > max) {
      connection.disconnect();
      throw new IOException(key + " holds more than " + max + " bytes");
    }
    requireWhole(bytes.length, declared);
    return Optional.of(bytes);
  }

  void putSmall(String key, byte[] content) throws IOException {
    drain(send("PUT", key, new TreeMap<>(), objectHeaders(), new Body(content)));
  }

  void delete(String key) throws IOException {
    try {
      drain(send("DELETE", key, new TreeMap<>(), Map.of(), null));
    } catch (S3Exception e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  private static Map<String, String> objectHeaders() {
    return Map.of("content-type", "application/octet-stream");
  }

  private static SortedMap<String, String> query(String name, String value) {
    SortedMap<String, String> query = new TreeMap<>();
    query.put(name, value);
    return query;
  }

  /** A request body: a region of a file, or bytes, with its SHA-256. */
  private record Body(
      Path file, long offset, long length, String sha256, TransferProgress progress, byte[] bytes) {
    Body(Path file, long offset, long length, String sha256, TransferProgress progress) {
      this(file, offset, length, sha256, progress, null);
    }

    Body(byte[] bytes) {
      this(null, 0, bytes.length, Sha256.ofBytes(bytes).hex(), TransferProgress.NONE, bytes);
    }

    void writeTo(OutputStream out) throws IOException {
      if (bytes != null) {
        out.write(bytes);
        return;
      }
      readRange(
          file,
          offset,
          length,
          (buffer, read) -> {
            out.write(buffer, 0, read);
            progress.transferred(read);
          });
    }
  }

  /** Takes each chunk of a file as it is read. */
  @FunctionalInterface
  interface Chunks {
    void accept(byte[] buffer, int length) throws IOException;
  }

  /** Reads {@code length} bytes of {@code file} from {@code offset}, a chunk at a time. */
  private static void readRange(Path file, long offset, long length, Chunks chunks)
      throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      readRange(
          channel,
          offset,
          length,
          chunks,
          position -> file + " became shorter while it was being uploaded");
    }
  }

  /**
   * Reads {@code length} bytes of {@code channel} from {@code offset} into this thread's buffer, a
   * chunk at a time; {@code endedAt} says why, given where the file ended too early.
   */
  static void readRange(
      FileChannel channel,
      long offset,
      long length,
      Chunks chunks,
      java.util.function.LongFunction<String> endedAt)
      throws IOException {
    byte[] buffer = Buffers.perThread();
    ByteBuffer wrapped = ByteBuffer.wrap(buffer);
    long position = offset;
    long end = offset + length;
    while (position < end) {
      wrapped.clear().limit((int) Math.min(buffer.length, end - position));
      int read = channel.read(wrapped, position);
      if (read < 0) {
        throw new IOException(endedAt.apply(position));
      }
      chunks.accept(buffer, read);
      position += read;
    }
  }

  private HttpURLConnection send(
      String method,
      String key,
      SortedMap<String, String> query,
      Map<String, String> headers,
      Body body)
      throws IOException {
    URI base = endpoint.uri();
    boolean virtualHosted = endpoint.virtualHostedFor(bucket, pathStyle);
    String hostName = virtualHosted ? bucket + "." + base.getHost() : base.getHost();
    String path =
        virtualHosted
            ? "/" + Signer.encode(key, true)
            : "/"
                + Signer.encode(bucket, false)
                + (key.isEmpty() ? "" : "/" + Signer.encode(key, true));
    String canonicalQuery = Signer.query(query);
    URL url =
        new URL(
            base.getScheme(),
            hostName,
            base.getPort(),
            path + (canonicalQuery.isEmpty() ? "" : "?" + canonicalQuery));
    HttpURLConnection connection = HttpConnections.open(url, proxy, timeouts);
    connection.setRequestMethod(method);
    String payload = body == null ? Signer.EMPTY_PAYLOAD : body.sha256();
    new Signer(credentials.current(), region)
        .sign(
            method,
            hostHeader(base, hostName),
            path,
            canonicalQuery,
            headers,
            payload,
            ZonedDateTime.now(ZoneOffset.UTC).plus(clockOffset))
        .forEach(connection::setRequestProperty);
    if (body != null) {
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(body.length());
      try (OutputStream out = connection.getOutputStream()) {
        body.writeTo(out);
      }
    }
    int status = connection.getResponseCode();
    if (status >= 300) {
      S3Exception error = error(connection, status);
      if (error.code().equals("RequestTimeTooSkewed") && connection.getDate() > 0) {
        // Sign the next attempt with the server's time, as AWS's own clients do.
        clockOffset =
            java.time.Duration.ofMillis(connection.getDate() - System.currentTimeMillis());
      }
      throw error;
    }
    return connection;
  }

  private static S3Exception error(HttpURLConnection connection, int status) throws IOException {
    Map<String, List<String>> fields = Map.of();
    InputStream body = connection.getErrorStream();
    if (body != null) {
      try (InputStream in = body) {
        fields = parseXml(in.readAllBytes(), Set.of("Code", "Message", "Region"));
      }
    }
    String code = first(fields, "Code").orElse(codeOf(status));
    Optional<String> region =
        first(fields, "Region")
            .or(() -> Optional.ofNullable(connection.getHeaderField("x-amz-bucket-region")));
    String message = first(fields, "Message").orElse("HTTP " + status);
    String location = connection.getHeaderField("Location");
    if (status < 400 && location != null) {
      // Without its query, which may hold a signature.
      int query = location.indexOf('?');
      message +=
          ", redirected to "
              + (query < 0 ? location : location.substring(0, query))
              + " (not followed: set the endpoint to the bucket's own)";
    }
    return new S3Exception(status, code, message, region);
  }

  /** The error code an answer without a body stands for, as for HEAD requests. */
  private static String codeOf(int status) {
    return switch (status) {
      case 400 -> "BadRequest";
      case 403 -> "AccessDenied";
      case 404 -> "NotFound";
      case 500 -> "InternalError";
      case 503 -> "ServiceUnavailable";
      default -> "HTTP" + status;
    };
  }

  /**
   * The length the answer declares, or -1 when it is sent in chunks or ends with the connection; an
   * answer that says none of these was cut short within its headers, and would otherwise pass as
   * empty.
   */
  private static long declaredLength(HttpURLConnection connection) throws IOException {
    if (connection.getResponseCode() == 204) {
      return 0;
    }
    long length = connection.getContentLengthLong();
    if (length < 0
        && !"chunked".equalsIgnoreCase(connection.getHeaderField("Transfer-Encoding"))
        && !"close".equalsIgnoreCase(connection.getHeaderField("Connection"))) {
      throw new IOException("the server's answer was cut short before its length");
    }
    return length;
  }

  /** Reads the answer whole, so that its connection can be used again. */
  private static void drain(HttpURLConnection connection) throws IOException {
    readBody(connection);
  }

  /** The whole body of a small answer; one cut short is an error. */
  private static byte[] readBody(HttpURLConnection connection) throws IOException {
    byte[] bytes;
    try (InputStream in = connection.getInputStream()) {
      bytes = in.readAllBytes();
    }
    if ("HEAD".equals(connection.getRequestMethod())) {
      return bytes;
    }
    requireWhole(bytes.length, declaredLength(connection));
    return bytes;
  }

  /** Fails when fewer bytes came than the answer declared (-1: sent in chunks, not declared). */
  private static void requireWhole(long received, long declared) throws IOException {
    if (declared >= 0 && received != declared) {
      throw new IOException(
          "the connection ended after " + received + " of " + declared + " bytes");
    }
  }

  private static Map<String, List<String>> readXml(HttpURLConnection connection, Set<String> names)
      throws IOException {
    byte[] bytes = readBody(connection);
    Map<String, List<String>> fields =
        new HashMap<>(parseXml(bytes, union(names, Set.of("Code", "Message"))));
    if (fields.containsKey("Code")) {
      // CompleteMultipartUpload may fail after its 200 status line has been sent
      throw new S3Exception(
          200, first(fields, "Code").get(), first(fields, "Message").orElse(""), Optional.empty());
    }
    return fields;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** The text of every element named in {@code names}, in document order; no DTDs, no entities. */
  static Map<String, List<String>> parseXml(byte[] xml, Set<String> names) throws IOException {
    Map<String, List<String>> fields = new HashMap<>();
    if (xml.length == 0) {
      return fields;
    }
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamReader.START_ELEMENT
            && names.contains(reader.getLocalName())) {
          fields
              .computeIfAbsent(reader.getLocalName(), n -> new ArrayList<>())
              .add(reader.getElementText());
        }
      }
      reader.close();
    } catch (XMLStreamException e) {
      String reason = e.getMessage().lines().reduce((first, last) -> last).orElse("");
      throw new IOException(
          "the server's answer is not the XML S3 sends (" + reason.replace("Message: ", "") + ")");
    }
    return fields;
  }

  private static Optional<String> first(Map<String, List<String>> fields, String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static String sha256(Path file, long offset, long length) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    readRange(file, offset, length, (buffer, read) -> digest.update(buffer, 0, read));
    return Checksum.ofDigest(digest.digest()).hex();
  }
}
