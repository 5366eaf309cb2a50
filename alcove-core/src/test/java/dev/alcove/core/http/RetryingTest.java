package dev.alcove.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class RetryingTest {

  @Test
  void aPassingFailureIsTriedAgainWithTheWaitDoubledUntilItSucceeds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<Long> waits = new ArrayList<>();
    String answer =
        new Retrying(4, 2)
            .call(
                () -> {
                  if (calls.incrementAndGet() < 3) {
                    throw new IOException("reset");
                  }
                  return "ok";
                },
                Retrying::isPassingNetworkFailure,
                (failure, attempt, attempts, delay) -> waits.add(delay));
    assertThat(answer).isEqualTo("ok");
    assertThat(waits).containsExactly(2L, 4L);
  }

  @Test
  void aFailureForGoodTheLastAttemptOrThePassedDeadlineEndsItWithTheLastFailure() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                new Retrying(5, 1)
                    .call(
                        () -> {
                          calls.incrementAndGet();
                          throw new UnknownHostException("nowhere.invalid");
                        },
                        Retrying::isPassingNetworkFailure,
                        (failure, attempt, attempts, delay) -> {}))
        .isInstanceOf(UnknownHostException.class);
    assertThat(calls).hasValue(1);

    calls.set(0);
    assertThatThrownBy(
            () ->
                new Retrying(3, 1)
                    .call(
                        () -> {
                          throw new IOException("attempt " + calls.incrementAndGet());
                        },
                        Retrying::isPassingNetworkFailure,
                        (failure, attempt, attempts, delay) -> {}))
        .hasMessage("attempt 3");

    calls.set(0);
    long deadline = System.nanoTime() + 50_000_000L;
    assertThatThrownBy(
            () ->
                new Retrying(10, 1_000)
                    .call(
                        () -> {
                          throw new IOException("attempt " + calls.incrementAndGet());
                        },
                        failure -> true,
                        (failure, attempt, attempts, delay) -> {},
                        deadline))
        .hasMessage("attempt 1");
  }

  @Test
  void tlsAndUnknownHostsAreForGoodAnywhereInTheCauseChain() {
    assertThat(Retrying.isPassingNetworkFailure(new IOException(new SSLHandshakeException("PKIX"))))
        .isFalse();
    assertThat(Retrying.isPassingNetworkFailure(new java.net.SocketException("reset"))).isTrue();
    assertThat(Retrying.isPassingNetworkFailure(new IllegalStateException("bug"))).isFalse();
  }
}
