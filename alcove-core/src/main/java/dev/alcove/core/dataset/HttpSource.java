package dev.alcove.core.dataset;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.http.HttpConnections;
import dev.alcove.core.http.HttpProxy;
import dev.alcove.core.http.HttpTimeouts;
import dev.alcove.core.http.RedirectPolicy;
import dev.alcove.core.http.Retrying;
import dev.alcove.core.http.Urls;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.progress.ProgressReporter;
import dev.alcove.core.text.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/**
 * Downloads a dataset's source over HTTP(S) with the JDK's client: a conditional request when the
 * server's validators were seen before (an unchanged source transfers nothing), redirects followed
 * (at most five, never from https down to http), transient failures tried again with backoff, the
 * length checked against Content-Length and a size limit, every byte hashed as it is written.
 */
final class HttpSource {

  private static final int MAX_REDIRECTS = 5;
  private static final int ATTEMPTS = 3;

  /** What a fetch found: new bytes in a file, or the server's word that they did not change. */
  record Result(
      boolean modified, Checksum checksum, String etag, String lastModified, URI finalUrl) {}

  private final AlcoveLog log;
  private final long maxBytes;
  private final long firstDelayMillis;
  private final Function<String, Optional<HttpProxy>> proxies;
  private final RedirectPolicy redirects;
  private final Duration deadline;
  private final FrontEnd frontEnd;

  /**
   * {@code deadline} bounds a whole fetch, every attempt and redirect included: a server that sends
   * a byte just before each read would time out never stops otherwise.
   */
  HttpSource(
      AlcoveLog log,
      long maxBytes,
      long firstDelayMillis,
      Function<String, Optional<HttpProxy>> proxies,
      RedirectPolicy redirects,
      Duration deadline,
      FrontEnd frontEnd) {
    this.frontEnd = frontEnd;
    this.log = log;
    this.maxBytes = maxBytes;
    this.firstDelayMillis = firstDelayMillis;
    this.proxies = proxies;
    this.redirects = redirects;
    this.deadline = deadline;
  }

  /**
   * Fetches {@code url} into {@code target}; {@code login}, if any, goes to the declared host only,
   * never to a host a redirect leads to.
   */
  Result fetch(
      String dataset,
      URI url,
      Optional<SourceLogin> login,
      Optional<FetchState.Seen> seen,
      Path target) {
    long until = System.nanoTime() + deadline.toNanos();
    try {
      return new Retrying(ATTEMPTS, firstDelayMillis)
          .call(
              () -> attempt(dataset, url, login, seen, target, until),
              failure -> failure instanceof Transient,
              (failure, attempt, attempts, delay) ->
                  log.warn(
                      "dataset "
                          + dataset
                          + ": "
                          + failure.getMessage()
                          + ", attempt "
                          + attempt
                          + " of "
                          + attempts
                          + "; retrying in "
                          + delay
                          + " ms"),
              until);
    } catch (Transient e) {
      throw new AlcoveException(
          "dataset "
              + dataset
              + ": "
              + e.getMessage()
              + ", "
              + ATTEMPTS
              + " times: nothing was stored");
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("fetching " + dataset + " threw " + e, e);
    }
  }

  /** A failure worth another attempt: a 5xx or 429 answer, a dropped connection. */
  private static final class Transient extends Exception {
    Transient(String message) {
      super(message);
    }
  }

  private Result attempt(
      String dataset,
      URI start,
      Optional<SourceLogin> login,
      Optional<FetchState.Seen> seen,
      Path target,
      long until)
      throws Transient {
    URI url = start;
    for (int hop = 0; ; hop++) {
      HttpURLConnection connection;
      int status;
      try {
        connection =
            HttpConnections.open(url.toURL(), proxies.apply(url.toString()), HttpTimeouts.STANDARD);
        if (login.isPresent() && sameOrigin(url, start)) {
          connection.setRequestProperty("Authorization", login.get().basicHeader());
        }
        if (seen.isPresent()) {
          if (!seen.get().etag().isEmpty()) {
            connection.setRequestProperty("If-None-Match", seen.get().etag());
          }
          if (!seen.get().lastModified().isEmpty()) {
            connection.setRequestProperty("If-Modified-Since", seen.get().lastModified());
          }
        }
        status = connection.getResponseCode();
      } catch (UnknownHostException e) {
        throw new AlcoveException(
            "dataset "
                + dataset
                + ": cannot resolve the host of "
                + Urls.redacted(url)
                + ": nothing was stored");
      } catch (SSLException e) {
        throw new AlcoveException(
            "dataset "
                + dataset
                + ": TLS failed for "
                + Urls.redacted(url)
                + " ("
                + e.getMessage()
                + "): nothing was stored; a company CA must be in the JDK's trust store");
      } catch (IOException e) {
        throw new Transient(
            Urls.redacted(url) + " could not be reached (" + e.getClass().getSimpleName() + ")");
      }
      if (status >= 300 && status < 400 && status != 304) {
        String location = connection.getHeaderField("Location");
        connection.disconnect();
        if (location == null || hop >= MAX_REDIRECTS) {
          throw refused(
              dataset,
              url,
              location == null
                  ? "redirected without saying where"
                  : "redirected more than " + MAX_REDIRECTS + " times");
        }
        URI next;
        try {
          next = url.resolve(location.strip());
        } catch (IllegalArgumentException e) {
          throw refused(
              dataset, url, "redirected to a malformed address (" + Urls.redacted(location) + ")");
        }
        Optional<String> refusal = redirects.refusal(url, next);
        if (refusal.isPresent()) {
          throw refused(
              dataset,
              url,
              "redirected to " + Urls.redacted(next) + " (" + refusal.get() + "), refused");
        }
        url = next;
        continue;
      }
      if (status == 304 && seen.isPresent()) {
        connection.disconnect();
        return new Result(
            false, seen.get().checksum(), seen.get().etag(), seen.get().lastModified(), url);
      }
      if (status >= 500 || status == 429) {
        connection.disconnect();
        throw new Transient(Urls.redacted(url) + " answered " + status);
      }
      if (status == 401 || status == 403) {
        connection.disconnect();
        throw refused(
            dataset,
            url,
            "answered "
                + status
                + (login.isPresent()
                    ? ": the credentials of " + login.get().where() + " were refused"
                    : ": it needs credentials, " + frontEnd.datasetLogin()));
      }
      if (status != 200) {
        connection.disconnect();
        throw refused(
            dataset,
            url,
            "answered " + status + " " + Optional.ofNullable(safeMessage(connection)).orElse(""));
      }
      return download(dataset, url, connection, target, until);
    }
  }

  /** One line that names the dataset, the URL and what went wrong, and says nothing was kept. */
  private static AlcoveException refused(String dataset, URI url, String problem) {
    return new AlcoveException(
        "dataset "
            + dataset
            + ": "
            + Urls.redacted(url)
            + " "
            + problem.strip()
            + ": nothing was stored");
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }

  private static String safeMessage(HttpURLConnection connection) {
    try {
      return connection.getResponseMessage();
    } catch (IOException e) {
      return null;
    }
  }

  private Result download(
      String dataset, URI url, HttpURLConnection connection, Path target, long until)
      throws Transient {
    long declared = connection.getContentLengthLong();
    if (declared > maxBytes) {
      connection.disconnect();
      throw refused(
          dataset,
          url,
          "holds "
              + ProgressReporter.human(declared)
              + ", more than the limit of "
              + ProgressReporter.human(maxBytes));
    }
    MessageDigest digest = Sha256.newDigest();
    long received = 0;
    ProgressReporter progress =
        new ProgressReporter(log, "fetching " + dataset + ":", Math.max(declared, 0));
    try (InputStream in = connection.getInputStream();
        OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
      byte[] buffer = dev.alcove.core.io.Buffers.perThread();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        received += read;
        if (received > maxBytes) {
          throw refused(
              dataset, url, "sent more than the limit of " + ProgressReporter.human(maxBytes));
        }
        out.write(buffer, 0, read);
        progress.transferred(read);
        if (System.nanoTime() > until) {
          throw refused(
              dataset,
              url,
              "sent "
                  + ProgressReporter.human(received)
                  + " and was still sending after "
                  + deadline.toSeconds()
                  + " s, the limit of one fetch ("
                  + frontEnd.set(Setting.FETCH_TIMEOUT, "<seconds>")
                  + ")");
        }
      }
    } catch (IOException e) {
      throw new Transient(Urls.redacted(url) + " stopped sending after " + received + " bytes");
    }
    if (declared >= 0 && received != declared) {
      throw new Transient(
          Urls.redacted(url) + " sent " + received + " of the " + declared + " bytes it announced");
    }
    return new Result(
        true,
        Checksum.ofDigest(digest.digest()),
        validator(connection, "ETag"),
        validator(connection, "Last-Modified"),
        url);
  }

  /** A header to send back on the next fetch; one that could not be sent back is none. */
  private static String validator(HttpURLConnection connection, String header) {
    String value = Optional.ofNullable(connection.getHeaderField(header)).orElse("");
    return Printable.is(value) ? value : "";
  }
}
