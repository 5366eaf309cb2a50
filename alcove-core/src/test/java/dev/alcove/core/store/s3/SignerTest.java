package dev.alcove.core.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The signing examples of Amazon's S3 documentation ("Signature Calculations ... Examples"). */
class SignerTest {

  static final Signer AWS_EXAMPLE =
      new Signer("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1");
  static final ZonedDateTime MAY_24_2013 =
      ZonedDateTime.of(2013, 5, 24, 0, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void getObjectExample() {
    Map<String, String> headers =
        AWS_EXAMPLE.sign(
            "GET",
            "examplebucket.s3.amazonaws.com",
            "/test.txt",
            "",
            Map.of("Range", "bytes=0-9"),
            Signer.EMPTY_PAYLOAD,
            MAY_24_2013);
    assertThat(headers.get("authorization"))
        .isEqualTo(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    assertThat(headers)
        .containsEntry("x-amz-date", "20130524T000000Z")
        .containsEntry("x-amz-content-sha256", Signer.EMPTY_PAYLOAD)
        .doesNotContainKey("host");
  }

  @Test
  void listObjectsExample() {
    TreeMap<String, String> query = new TreeMap<>(Map.of("prefix", "J", "max-keys", "2"));
    assertThat(Signer.query(query)).isEqualTo("max-keys=2&prefix=J");
    Map<String, String> headers =
        AWS_EXAMPLE.sign(
            "GET",
            "examplebucket.s3.amazonaws.com",
            "/",
            Signer.query(query),
            Map.of(),
            Signer.EMPTY_PAYLOAD,
            MAY_24_2013);
    assertThat(headers.get("authorization"))
        .endsWith("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
  }

  @Test
  void keysAndQueryValuesAreEncodedAsS3Expects() {
    assertThat(Signer.encode("team/alcove/ab/cd/x y+z~é", true))
        .isEqualTo("team/alcove/ab/cd/x%20y%2Bz~%C3%A9");
    assertThat(Signer.encode("a/b", false)).isEqualTo("a%2Fb");
  }
}
