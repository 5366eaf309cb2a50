package dev.alcove.core.store.s3;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 endpoint and what its host name says: whether it is AWS, and the region its requests are
 * signed for (AWS and Backblaze B2 name it in the host; Cloudflare R2 and Google Cloud Storage take
 * {@code auto}; any other server the default, {@code us-east-1}).
 */
record S3Endpoint(URI uri) {

  static final String DEFAULT_REGION = "us-east-1";

  private static final Pattern AWS =
      Pattern.compile("(?:^|\\.)s3(?:[.-]([a-z0-9-]+))?\\.amazonaws\\.com(?:\\.cn)?$");
  private static final Pattern B2 =
      Pattern.compile("(?:^|\\.)s3\\.([a-z0-9-]+)\\.backblazeb2\\.com$");

  /** The AWS endpoint of a region: {@code https://s3.<region>.amazonaws.com}. */
  static S3Endpoint aws(String region) {
    return new S3Endpoint(URI.create("https://s3." + region + ".amazonaws.com"));
  }

  String host() {
    return uri.getHost().toLowerCase(Locale.ROOT);
  }

  boolean isAws() {
    return AWS.matcher(host()).find();
  }

  /** The region the host name implies, if it implies one. */
  Optional<String> region() {
    Matcher aws = AWS.matcher(host());
    if (aws.find()) {
      String region = aws.group(1);
      return Optional.of(
          region == null || region.equals("external-1") || region.equals("us-east-1")
              ? DEFAULT_REGION
              : region);
    }
    Matcher b2 = B2.matcher(host());
    if (b2.find()) {
      return Optional.of(b2.group(1));
    }
    if (host().endsWith(".r2.cloudflarestorage.com") || host().equals("storage.googleapis.com")) {
      return Optional.of("auto");
    }
    return Optional.empty();
  }

  /**
   * What a LocationConstraint answer means as a region to sign for: empty is us-east-1 and, on AWS
   * only, {@code EU} is eu-west-1 (legacy names); other servers' answers are taken as they are.
   */
  String regionOfLocation(String location) {
    if (location.isEmpty() || location.equals("US")) {
      return isAws() ? DEFAULT_REGION : region().orElse(DEFAULT_REGION);
    }
    return isAws() && location.equals("EU") ? "eu-west-1" : location;
  }

  /** Virtual-hosted style by default on AWS, where a bucket name without dots allows it. */
  boolean virtualHostedFor(String bucket, Optional<Boolean> pathStyle) {
    if (pathStyle.isPresent()) {
      return !pathStyle.get();
    }
    return isAws() && !bucket.contains(".");
  }
}
