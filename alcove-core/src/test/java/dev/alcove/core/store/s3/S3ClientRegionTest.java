package dev.alcove.core.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bucket's region is found as AWS and other servers tell it, and every request is signed for
 * it.
 */
class S3ClientRegionTest {

  static String answer(int status, String body) {
    return "HTTP/1.1 "
        + status
        + " X\r\nContent-Type: application/xml\r\nContent-Length: "
        + body.length()
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  static boolean signedFor(String request, String region) {
    return request.contains("/" + region + "/s3/aws4_request");
  }

  @Test
  void aBucketInAnotherRegionIsSignedForThatRegionFromThenOn() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(
            request -> {
              if (!signedFor(request, "eu-west-1")) {
                return answer(
                    400,
                    "<Error><Code>AuthorizationHeaderMalformed</Code><Message>expecting"
                        + " 'eu-west-1'</Message><Region>eu-west-1</Region></Error>");
              }
              if (request.startsWith("GET /data?location")) {
                return answer(200, "<LocationConstraint>eu-west-1</LocationConstraint>");
              }
              if (request.startsWith("HEAD /data ")) {
                return answer(200, "");
              }
              return answer(404, "");
            })) {
      S3Client client = new S3Client(server.endpoint(), "data", "key", "secret");
      client.locateBucket();
      assertThat(client.exists("ab/cd/abcd")).isFalse();
      assertThat(server.requests.get(0)).contains("/us-east-1/s3/aws4_request");
      assertThat(server.requests.subList(1, server.requests.size()))
          .hasSize(3)
          .allMatch(request -> signedFor(request, "eu-west-1"));
    }
  }

  @Test
  void aServerThatWillNotTellTheLocationIsAskedForTheBucketAlone() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(
            request ->
                request.startsWith("GET /data?location")
                    ? answer(501, "<Error><Code>NotImplemented</Code><Message>no</Message></Error>")
                    : answer(200, ""))) {
      S3Client client = new S3Client(server.endpoint(), "data", "key", "secret");
      client.locateBucket();
      assertThat(server.requests).hasSize(2);
      assertThat(server.requests.get(1)).startsWith("HEAD /data ");
    }
  }

  @Test
  void regionalAwsEndpointsNameTheirRegion() {
    assertThat(regionOf("s3.ap-southeast-2.amazonaws.com")).isEqualTo("ap-southeast-2");
    assertThat(regionOf("s3-eu-west-1.amazonaws.com")).isEqualTo("eu-west-1");
    assertThat(regionOf("s3.amazonaws.com")).isEqualTo("us-east-1");
    assertThat(regionOf("s3-external-1.amazonaws.com")).isEqualTo("us-east-1");
    assertThat(regionOf("minio.example.com")).isEqualTo("us-east-1");
    assertThat(regionOf("s3.us-west-004.backblazeb2.com")).isEqualTo("us-west-004");
    assertThat(regionOf("0123abcd.r2.cloudflarestorage.com")).isEqualTo("auto");
    assertThat(regionOf("storage.googleapis.com")).isEqualTo("auto");
    S3Endpoint aws = new S3Endpoint(java.net.URI.create("https://s3.amazonaws.com"));
    S3Endpoint other = new S3Endpoint(java.net.URI.create("https://s3.example.com"));
    assertThat(aws.regionOfLocation("EU")).isEqualTo("eu-west-1");
    assertThat(other.regionOfLocation("EU")).isEqualTo("EU");
    assertThat(aws.regionOfLocation("")).isEqualTo("us-east-1");
    assertThat(aws.virtualHostedFor("team-lake", java.util.Optional.empty())).isTrue();
    assertThat(aws.virtualHostedFor("team.lake", java.util.Optional.empty())).isFalse();
    assertThat(other.virtualHostedFor("team-lake", java.util.Optional.empty())).isFalse();
    assertThat(other.virtualHostedFor("team-lake", java.util.Optional.of(false))).isTrue();
  }

  private static String regionOf(String host) {
    return new S3Endpoint(java.net.URI.create("https://" + host))
        .region()
        .orElse(S3Endpoint.DEFAULT_REGION);
  }
}
