package dev.alcove.core.testing;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real S3 server that enforces temporary credentials, as AWS does: a {@link LoopbackProxy} in
 * front of S3Proxy refuses, with AWS's {@code InvalidToken}, every request whose {@code
 * x-amz-security-token} is not the session's token or is not among the signed headers; S3Proxy
 * behind it checks the signature, which thereby covers the token.
 */
public final class SessionTokenGate implements AutoCloseable {

  private final LoopbackProxy proxy;
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger passed = new AtomicInteger();

  public SessionTokenGate(int s3Port, String token) throws IOException {
    this.proxy =
        new LoopbackProxy(
            s3Port,
            (connection, head) -> {
              boolean tokenGiven =
                  LoopbackProxy.header(head, "x-amz-security-token")
                      .filter(token::equals)
                      .isPresent();
              boolean tokenSigned =
                  LoopbackProxy.header(head, "Authorization")
                      .filter(auth -> auth.contains("x-amz-security-token"))
                      .isPresent();
              if (tokenGiven && tokenSigned) {
                passed.incrementAndGet();
                return LoopbackProxy.Verdict.pass();
              }
              refused.incrementAndGet();
              return LoopbackProxy.Verdict.answer(
                  LoopbackProxy.s3Error(
                      403,
                      "Forbidden",
                      "InvalidToken",
                      "The provided token is malformed or otherwise invalid."));
            });
  }

  public String endpoint() {
    return proxy.endpoint();
  }

  public int refused() {
    return refused.get();
  }

  public int passed() {
    return passed.get();
  }

  @Override
  public void close() throws IOException {
    proxy.close();
  }
}
