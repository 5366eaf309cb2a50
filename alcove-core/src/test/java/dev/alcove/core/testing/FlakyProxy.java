package dev.alcove.core.testing;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link LoopbackProxy} in front of a real server that fails some requests: of every {@code
 * period} connections, the first is answered with an HTTP 500, the second is passed on but its
 * answer cut after a few bytes; the others pass untouched. It stops failing after {@code
 * maxFaults}, so a client that retries does get through.
 */
public final class FlakyProxy implements AutoCloseable {

  private final AtomicInteger faults = new AtomicInteger();
  private final LoopbackProxy proxy;

  public FlakyProxy(int targetPort, int period, int maxFaults) throws IOException {
    this.proxy =
        new LoopbackProxy(
            targetPort,
            (connection, head) -> {
              int index = connection % period;
              if (index >= 2 || faults.get() >= maxFaults) {
                return LoopbackProxy.Verdict.pass();
              }
              faults.incrementAndGet();
              return index == 0
                  ? LoopbackProxy.Verdict.answer(
                      LoopbackProxy.s3Error(
                          500, "Internal Server Error", "InternalError", "failed on purpose"))
                  : LoopbackProxy.Verdict.cutAfter(40);
            });
  }

  public String endpoint() {
    return proxy.endpoint();
  }

  /** How many requests were failed on purpose. */
  public int faults() {
    return faults.get();
  }

  @Override
  public void close() throws IOException {
    proxy.close();
  }
}
