package dev.alcove.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {

  @Test
  void queriesUserInfoAndFragmentsAreLeftOut() {
    assertThat(
            Urls.redacted(
                URI.create(
                    "https://user:pw@bucket.s3.example:8443/a/b.csv?X-Amz-Signature=s3cr3t#x")))
        .isEqualTo("https://bucket.s3.example:8443/a/b.csv?…");
    assertThat(Urls.redacted(URI.create("http://example.org/plain.csv")))
        .isEqualTo("http://example.org/plain.csv");
    assertThat(Urls.redacted("http://x/a b?token=s3cr3t")).isEqualTo("http://x/a b…");
    assertThat(Urls.redacted("file:/data/one.csv")).isEqualTo("file:/data/one.csv");
  }
}
