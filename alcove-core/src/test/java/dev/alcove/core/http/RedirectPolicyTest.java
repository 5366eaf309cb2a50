package dev.alcove.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a redirect may lead, decided on addresses alone: no request is sent anywhere, and host
 * names are answered by a table instead of DNS.
 */
class RedirectPolicyTest {

  final List<String> resolved = new ArrayList<>();

  final RedirectPolicy policy =
      new RedirectPolicy(
          host -> {
            resolved.add(host);
            Map<String, String> dns =
                Map.of(
                    "rebound.example", "169.254.169.254",
                    "data.example", "93.184.215.14",
                    "intranet.example", "10.1.2.3");
            String address = dns.get(host);
            if (address == null && !Character.isDigit(host.charAt(0)) && !host.contains(":")) {
              throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address == null ? host : address)};
          });

  final URI from = URI.create("https://data.example/cities.csv");

  @Test
  void onlyHttpAndNeverDownFromHttps() {
    assertThat(policy.refusal(from, URI.create("file:///etc/passwd")))
        .hasValueSatisfying(why -> assertThat(why).contains("file:").contains("only http(s)"));
    assertThat(policy.refusal(from, URI.create("ftp://data.example/x.csv")))
        .hasValueSatisfying(why -> assertThat(why).contains("ftp:"));
    assertThat(policy.refusal(from, URI.create("http://data.example/x.csv")))
        .hasValueSatisfying(why -> assertThat(why).contains("https to http"));
    assertThat(policy.refusal(from, URI.create("https://data.example/y.csv"))).isEmpty();
  }

  @Test
  void linkLocalAndMetadataAddressesAreRefusedWhateverTheirSpelling() {
    for (String target :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://169.254.0.1/",
            "http://[fe80::1]/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://METADATA.GOOGLE.INTERNAL./",
            "http://100.100.100.200/latest/meta-data/",
            "http://[fd00:ec2::254]/",
            "http://rebound.example/")) {
      assertThat(policy.refusal(URI.create("http://data.example/"), URI.create(target)))
          .as(target)
          .isPresent();
    }
    assertThat(resolved).doesNotContain("metadata.google.internal");
  }

  @Test
  void publicAndPrivateAddressesAreFollowed() {
    for (String target :
        List.of("https://data.example/x.csv", "https://intranet.example/x", "https://10.0.0.8/")) {
      assertThat(policy.refusal(from, URI.create(target))).as(target).isEmpty();
    }
  }
}
