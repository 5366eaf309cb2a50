package dev.alcove.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

  @Test
  void lineBreaksEscapesAndBidiOverridesCannotReachTheLog() {
    assertThat(Printable.of("alcove 0.1\n[INFO] BUILD SUCCESS"))
        .isEqualTo("alcove 0.1\uFFFD[INFO] BUILD SUCCESS");
    assertThat(Printable.of("red \u001b[31mtext\r")).isEqualTo("red \uFFFD[31mtext\uFFFD");
    assertThat(Printable.of("evil\u202Etxt.exe\u0085")).isEqualTo("evil\uFFFDtxt.exe\uFFFD");
    assertThat(Printable.of("Été 2024 – données")).isEqualTo("Été 2024 – données");
    assertThat(Printable.is("plain")).isTrue();
    assertThat(Printable.is("tab\there")).isFalse();
  }
}
