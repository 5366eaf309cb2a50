package dev.alcove.core.store.s3;

import dev.alcove.core.checksum.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for S3, in headers. The payload's SHA-256 is given by the caller: for an
 * object of a content-addressed store it is the object's own key, so an upload is signed without
 * reading its bytes, and the server still checks every byte it receives against it.
 */
final class Signer {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String EMPTY_PAYLOAD =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private final S3Credentials credentials;
  private final String region;

  Signer(S3Credentials credentials, String region) {
    this.credentials = credentials;
    this.region = region;
  }

  Signer(String accessKey, String secretKey, String region) {
    this(S3Credentials.of(accessKey, secretKey), region);
  }

  /**
   * The headers to send with a request: {@code x-amz-date}, {@code x-amz-content-sha256}, {@code
   * Authorization}, the session token ({@code x-amz-security-token}) of temporary credentials, and
   * {@code headers} themselves, all of which are signed along with {@code host}. {@code path} and
   * {@code query} are as sent, already URI-encoded.
   */
  Map<String, String> sign(
      String method,
      String host,
      String path,
      String query,
      Map<String, String> headers,
      String payloadSha256,
      ZonedDateTime now) {
    String stamp = now.withZoneSameInstant(ZoneOffset.UTC).format(STAMP);
    String day = stamp.substring(0, 8);
    SortedMap<String, String> signed = new TreeMap<>();
    headers.forEach((name, value) -> signed.put(name.toLowerCase(java.util.Locale.ROOT), value));
    signed.put("host", host);
    signed.put("x-amz-date", stamp);
    signed.put("x-amz-content-sha256", payloadSha256);
    credentials.sessionToken().ifPresent(token -> signed.put("x-amz-security-token", token));
    StringBuilder canonicalHeaders = new StringBuilder();
    signed.forEach(
        (name, value) ->
            canonicalHeaders.append(name).append(':').append(value.trim()).append('\n'));
    String signedNames = String.join(";", signed.keySet());
    String canonicalRequest =
        method
            + '\n'
            + path
            + '\n'
            + query
            + '\n'
            + canonicalHeaders
            + '\n'
            + signedNames
            + '\n'
            + payloadSha256;
    String scope = day + "/" + region + "/s3/aws4_request";
    String stringToSign =
        ALGORITHM + '\n' + stamp + '\n' + scope + '\n' + Sha256.ofString(canonicalRequest).hex();
    String signature = HexFormat.of().formatHex(hmac(signingKey(day), stringToSign));
    Map<String, String> out = new TreeMap<>(signed);
    out.remove("host");
    out.put(
        "authorization",
        ALGORITHM
            + " Credential="
            + credentials.accessKey()
            + "/"
            + scope
            + ", SignedHeaders="
            + signedNames
            + ", Signature="
            + signature);
    return out;
  }

  /** The key of one secret, day and region: the same for every request of a day. */
  private record SigningKey(String secret, String day, String region, byte[] key) {
    @Override
    public String toString() {
      return "SigningKey[" + day + ", " + region + "]";
    }
  }

  /** The last key derived: a thousand requests derive it once, not four HMACs each. */
  private static volatile SigningKey lastKey;

  private byte[] signingKey(String day) {
    SigningKey last = lastKey;
    if (last != null
        && last.day().equals(day)
        && last.region().equals(region)
        && last.secret().equals(credentials.secretKey())) {
      return last.key();
    }
    byte[] key = hmac(("AWS4" + credentials.secretKey()).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(key, region);
    key = hmac(key, "s3");
    key = hmac(key, "aws4_request");
    lastKey = new SigningKey(credentials.secretKey(), day, region, key);
    return key;
  }

  /** RFC 3986 encoding as S3 wants it: everything but unreserved characters, and '/' if asked. */
  static String encode(String text, boolean keepSlash) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~'
          || (keepSlash && c == '/')) {
        out.append(c);
      } else {
        out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
      }
    }
    return out.toString();
  }

  /** The canonical query string: parameters sorted by name, names and values encoded. */
  static String query(SortedMap<String, String> parameters) {
    StringBuilder out = new StringBuilder();
    parameters.forEach(
        (name, value) -> {
          if (out.length() > 0) {
            out.append('&');
          }
          out.append(encode(name, false)).append('=').append(encode(value, false));
        });
    return out.toString();
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }
}
