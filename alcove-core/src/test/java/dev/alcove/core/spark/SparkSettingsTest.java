package dev.alcove.core.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SparkSettingsTest {

  @Test
  void aTokenInTheAddressIsTakenOutAndNeverShown() {
    SparkSettings settings =
        SparkSettings.parse(
            "sc://spark.example.org:15002/;use_ssl=true;token=s3cr3t",
            Optional.empty(),
            "SPARK_REMOTE");
    assertThat(settings.remote()).isEqualTo("sc://spark.example.org:15002/;use_ssl=true");
    assertThat(settings.token()).contains("s3cr3t");
    assertThat(settings.describe())
        .isEqualTo("sc://spark.example.org:15002/;use_ssl=true (with a token)");
    assertThat(settings.toString()).doesNotContain("s3cr3t");
    assertThat(settings.connectionString())
        .isEqualTo("sc://spark.example.org:15002/;use_ssl=true;token=s3cr3t");
  }

  @Test
  void anExplicitTokenWinsAndAnAddressWithoutParametersGetsItsSlash() {
    SparkSettings settings =
        SparkSettings.parse("sc://127.0.0.1:15002;token=old", Optional.of("new"), "<spark>");
    assertThat(settings.remote()).isEqualTo("sc://127.0.0.1:15002");
    assertThat(settings.connectionString()).isEqualTo("sc://127.0.0.1:15002/;token=new");
  }

  @Test
  void anythingButASparkConnectAddressIsRefusedNamingTheSetting() {
    assertThatThrownBy(
            () -> SparkSettings.parse("https://spark:15002", Optional.of("t0ken"), "<spark>"))
        .hasMessage(
            "<spark> 'https://spark:15002' is not a Spark Connect address: write"
                + " sc://host:15002 (with /;use_ssl=true for TLS)");
  }

  @Test
  void theWireFormatCarriesAnyTextAndNullsBothWays() {
    List<String> fields = Arrays.asList("ok", "a\tb", "line\nbreak\r", "back\\slash", null, "");
    assertThat(WireFormat.decode(WireFormat.encode(fields))).isEqualTo(fields);
    assertThat(WireFormat.encode(fields)).doesNotContain("\n");
  }
}
