package dev.alcove.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.http.HttpProxy;
import dev.alcove.core.http.RedirectPolicy;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.testing.LoopbackProxy;
import dev.alcove.core.testing.PythonToolSchema;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.testing.TreeState;
import dev.alcove.core.uri.StepUri;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared datasets fetched from a real HTTP server on loopback, and from files. */
class FetchDatasetsTest {

  @TempDir Path dir;
  TestAlcove t;
  HttpServer server;
  final AtomicReference<String> body = new AtomicReference<>("country,people\nfr,68\n");
  final AtomicInteger failuresToServe = new AtomicInteger();
  final AtomicInteger bodiesSent = new AtomicInteger();
  final AtomicInteger conditional = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    t = new TestAlcove(dir);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/data/population.csv",
        exchange -> {
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          String etag = "\"" + Sha256.ofBytes(bytes).hex().substring(0, 16) + "\"";
          if (failuresToServe.getAndDecrement() > 0) {
            exchange.sendResponseHeaders(500, -1);
          } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            conditional.incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
          } else {
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            bodiesSent.incrementAndGet();
          }
          exchange.close();
        });
    server.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().set("Location", "/data/population.csv");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/redirect",
        exchange -> {
          exchange.getResponseHeaders().set("Location", location.get());
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/empty.csv",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.createContext(
        "/slow.csv",
        exchange -> {
          exchange.sendResponseHeaders(200, 40);
          try (var out = exchange.getResponseBody()) {
            for (int i = 0; i < 40; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(100);
            }
          } catch (java.io.IOException | InterruptedException e) {
            // the client gave up, as it should
          }
          exchange.close();
        });
    server.start();
  }

  final AtomicReference<String> location = new AtomicReference<>();

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  DatasetSpec population(String url, String sha256) {
    return DatasetSpec.of(
        "worldbank/population",
        url,
        sha256,
        Map.of("license", "CC-BY-4.0", "source_name", "World Bank"),
        "test");
  }

  List<StepUri> fetch(DatasetSpec spec, String day) {
    return fetch(spec, day, url -> Optional.empty());
  }

  List<StepUri> fetch(DatasetSpec spec, String day, Function<String, Optional<HttpProxy>> proxies) {
    return fetch(List.of(spec), day, proxies, FetchDatasets.DEFAULT_FETCH_TIMEOUT, false);
  }

  List<StepUri> fetch(
      List<DatasetSpec> specs,
      String day,
      Function<String, Optional<HttpProxy>> proxies,
      Duration timeout,
      boolean force) {
    Clock clock = Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
    try (GoalContext context =
        GoalContext.builder().log(t.log).clock(clock).threads(2).store(t::depot).build()) {
      HttpSource http =
          new HttpSource(
              t.log,
              1 << 20,
              1,
              proxies,
              RedirectPolicy.standard(),
              timeout,
              dev.alcove.core.frontend.FrontEnd.NEUTRAL);
      return new FetchDatasets(context, t.alcove(), specs, false, ArtifactSource.NONE, http)
          .fetch(Optional.empty(), force);
    }
  }

  @Test
  void throughAProxyAndWithTheCredentialsOfAServer() throws Exception {
    server.createContext(
        "/private/codes.csv",
        exchange -> {
          String expected =
              "Basic "
                  + java.util.Base64.getEncoder()
                      .encodeToString("reader:s3cret".getBytes(StandardCharsets.UTF_8));
          byte[] bytes = "code\nfr\n".getBytes(StandardCharsets.UTF_8);
          if (expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          } else {
            exchange.sendResponseHeaders(401, -1);
          }
          exchange.close();
        });
    AtomicInteger proxied = new AtomicInteger();
    try (LoopbackProxy proxy =
        new LoopbackProxy(
            server.getAddress().getPort(),
            (connection, head) -> {
              if (head.startsWith("GET http://127.0.0.1:")) {
                proxied.incrementAndGet();
              }
              return LoopbackProxy.Verdict.pass();
            })) {
      HttpProxy corporate =
          HttpProxy.fromUrl(proxy.endpoint(), "", "<proxy> 'corp' in settings.xml").orElseThrow();
      DatasetSpec codes =
          DatasetSpec.of("iso/codes", url("/private/codes.csv"), null, Map.of(), "test");
      assertThatThrownBy(() -> fetch(codes, "2024-07-26", u -> Optional.of(corporate)))
          .hasMessageContaining("answered 401: it needs credentials");
      SourceLogin login = new SourceLogin("reader", "s3cret", "<server> 'portal' in settings.xml");
      assertThat(fetch(codes.withLogin(login), "2024-07-26", u -> Optional.of(corporate)))
          .hasSize(1);
      assertThat(proxied.get()).isEqualTo(2);
      assertThat(login.toString()).doesNotContain("s3cret");
      assertThatThrownBy(
              () ->
                  fetch(
                      codes.withLogin(new SourceLogin("reader", "wrong", "<server> 'portal'")),
                      "2024-07-27"))
          .hasMessageContaining("the credentials of <server> 'portal' were refused");
    }
  }

  @Test
  void aSourceIsSnapshottedWithItsProvenanceThenUnchangedThenANewVersion() throws Exception {
    DatasetSpec spec = population(url("/moved"), null);
    assertThat(fetch(spec, "2024-07-26"))
        .extracting(StepUri::toString)
        .containsExactly("snapshot://worldbank/population/2024-07-26");
    Path sidecar = t.path("data/snapshots/worldbank/population/2024-07-26.meta.yaml");
    assertThat(Files.readString(sidecar))
        .contains(
            "license: CC-BY-4.0",
            "source_name: World Bank",
            "date_accessed: '2024-07-26'",
            "source_url: " + url("/moved"));
    PythonToolSchema.assertSnapshotSidecar(sidecar);
    assertThat(t.path("data/snapshots/worldbank/population/2024-07-26.csv"))
        .hasContent("country,people\nfr,68\n");
    // The log names the URL, not the temporary file, and asks for nothing the declaration gave.
    assertThat(t.lines)
        .contains(
            "dataset worldbank/population: fetching " + url("/moved"),
            "hashing and copying " + url("/moved"))
        .noneMatch(line -> line.contains("describe it in") || line.contains("fetch-"));

    t.lines.clear();
    assertThat(fetch(spec, "2024-07-30")).isEmpty();
    assertThat(t.lines)
        .contains(
            "dataset worldbank/population: unchanged since 2024-07-26 (not modified, nothing"
                + " transferred)");
    assertThat(conditional.get()).isEqualTo(1);
    assertThat(bodiesSent.get()).isEqualTo(1);

    body.set("country,people\nfr,69\n");
    assertThat(fetch(spec, "2024-08-01"))
        .extracting(StepUri::toString)
        .containsExactly("snapshot://worldbank/population/2024-08-01");
    assertThat(
            t.alcove().catalogue().resolve(StepUri.parse("snapshot://worldbank/population/latest")))
        .contains(StepUri.parse("snapshot://worldbank/population/2024-08-01"));
  }

  @Test
  void aPassingServerErrorIsTriedAgain() {
    failuresToServe.set(1);
    assertThat(fetch(population(url("/data/population.csv"), null), "2024-07-26")).hasSize(1);
    assertThat(t.lines)
        .anyMatch(
            line ->
                line.startsWith("WARN dataset worldbank/population: ")
                    && line.contains("answered 500"));
  }

  @Test
  void failuresChangeNothing() throws Exception {
    Map<String, String> before = TreeState.of(t.root);
    assertThatThrownBy(() -> fetch(population(url("/data/missing.csv"), null), "2024-07-26"))
        .hasMessageStartingWith(
            "dataset worldbank/population: " + url("/data/missing.csv") + " answered 404")
        .hasMessageEndingWith("nothing was stored");
    failuresToServe.set(10);
    assertThatThrownBy(() -> fetch(population(url("/data/population.csv"), null), "2024-07-26"))
        .hasMessageContaining("answered 500, 3 times: nothing was stored");
    failuresToServe.set(0);
    assertThatThrownBy(
            () -> fetch(population(url("/data/population.csv"), "0".repeat(64)), "2024-07-26"))
        .hasMessageContaining(
            "not the pinned 0000000000000000000000000000000000000000000000000000000000000000: nothing was stored");
    // A body cut short of its Content-Length, every time: tried again, then refused.
    body.set("country,people\n" + "fr,68\n".repeat(500));
    try (LoopbackProxy cutting =
        new LoopbackProxy(
            server.getAddress().getPort(),
            (connection, head) -> LoopbackProxy.Verdict.cutAfter(400))) {
      assertThatThrownBy(
              () ->
                  fetch(
                      population(cutting.endpoint() + "/data/population.csv", null), "2024-07-26"))
          .hasMessageContaining("of the 3015 bytes it announced, 3 times: nothing was stored");
    }
    assertThat(TreeState.of(t.root)).isEqualTo(before);
  }

  @Test
  void redirectsGoOnlyToHttpAndNeverToMetadataAddressesAndSayItInOneLine() throws Exception {
    Map<String, String> before = TreeState.of(t.root);
    Map<String, String> refusals =
        Map.of(
            "file:///etc/passwd", "(redirected to a file: address, refused: only http(s)",
            "ftp://127.0.0.1/x.csv", "(redirected to a ftp: address",
            "http://169.254.169.254/latest/meta-data/iam/", "a link-local or cloud metadata",
            "http://metadata.google.internal/computeMetadata/v1/", "cloud metadata service",
            "http://[fe80::1]/x.csv", "a link-local or cloud metadata",
            "http://bad host/x.csv", "redirected to a malformed address",
            "http://127.0.0.1:1/%zz", "redirected to a malformed address");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      location.set(refusal.getKey());
      assertThatThrownBy(() -> fetch(population(url("/redirect"), null), "2024-07-26"))
          .as(refusal.getKey())
          .isInstanceOf(dev.alcove.core.errors.AlcoveException.class)
          .hasMessageStartingWith("dataset worldbank/population: " + url("/redirect"))
          .hasMessageContaining(refusal.getValue())
          .hasMessageEndingWith("nothing was stored")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
    assertThat(TreeState.of(t.root)).isEqualTo(before);
  }

  @Test
  void urlsArePrintedWithoutTheirQueryOrUserInfo() {
    location.set(url("/data/missing.csv?X-Amz-Signature=s3cr3t&token=s3cr3t"));
    assertThatThrownBy(() -> fetch(population(url("/redirect?token=s3cr3t"), null), "2024-07-26"))
        .hasMessageContaining("answered 404")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    failuresToServe.set(1);
    location.set(url("/data/population.csv?token=s3cr3t"));
    assertThat(fetch(population(url("/redirect?sig=s3cr3t"), null), "2024-07-26")).hasSize(1);
    assertThat(t.lines).isNotEmpty().noneMatch(line -> line.contains("s3cr3t"));
  }

  @Test
  void anEmptyAnswerIsRefusedUnlessTheDatasetExpectsIt() throws Exception {
    Map<String, String> before = TreeState.of(t.root);
    assertThatThrownBy(() -> fetch(population(url("/empty.csv"), null), "2024-07-26"))
        .hasMessage(
            "dataset worldbank/population: "
                + url("/empty.csv")
                + " is empty: nothing was stored; if an empty file is what it should be, say so"
                + " in its declaration (<allowEmpty>true</allowEmpty>)");
    assertThat(TreeState.of(t.root)).isEqualTo(before);
    assertThat(fetch(population(url("/empty.csv"), null).withAllowEmpty(true), "2024-07-26"))
        .hasSize(1);
    assertThat(t.lines)
        .contains(
            "WARN dataset worldbank/population: " + url("/empty.csv") + " is empty (allowed)");
  }

  @Test
  void aServerThatTricklesBytesIsStoppedByTheWholeFetchsDeadline() throws Exception {
    Map<String, String> before = TreeState.of(t.root);
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                fetch(
                    List.of(population(url("/slow.csv"), null)),
                    "2024-07-26",
                    u -> Optional.empty(),
                    Duration.ofSeconds(1),
                    false))
        .hasMessageContaining("was still sending after 1 s, the limit of one fetch")
        .hasMessageEndingWith("nothing was stored");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(TreeState.of(t.root)).isEqualTo(before);
  }

  @Test
  void aDatasetDeclaredTwiceIsRefusedNamingBoth() {
    assertThatThrownBy(
            () ->
                fetch(
                    List.of(
                        population(url("/data/population.csv"), null),
                        population(url("/moved?key=s3cr3t"), null)),
                    "2024-07-26",
                    u -> Optional.empty(),
                    FetchDatasets.DEFAULT_FETCH_TIMEOUT,
                    false))
        .hasMessage(
            "dataset worldbank/population is declared twice in "
                + dev.alcove.core.frontend.FrontEnd.NEUTRAL.declaredDatasets()
                + " (<url>"
                + url("/data/population.csv")
                + "</url> and <url>"
                + url("/moved?…")
                + "</url>): keep one <dataset> of that <name>");
  }

  @Test
  void aVersionTakenTodayIsReplacedOnlyWithForce() throws Exception {
    DatasetSpec spec = population(url("/data/population.csv"), null);
    assertThat(fetch(spec, "2024-07-26")).hasSize(1);
    Path data = t.path("data/snapshots/worldbank/population/2024-07-26.csv");
    body.set("country,people\nfr,69\n");
    Map<String, String> before = TreeState.of(t.root);
    assertThatThrownBy(() -> fetch(spec, "2024-07-26"))
        .hasMessage(
            "dataset worldbank/population: "
                + url("/data/population.csv")
                + " changed since snapshot://worldbank/population/2024-07-26 was taken today;"
                + " that version is kept: set alcove.force=true to replace its data, or fetch"
                + " again tomorrow for a new version");
    assertThat(TreeState.of(t.root)).isEqualTo(before);
    assertThat(
            fetch(List.of(spec), "2024-07-26", u -> Optional.empty(), Duration.ofMinutes(1), true))
        .hasSize(1);
    assertThat(data).hasContent("country,people\nfr,69\n");
  }

  @Test
  void aWrongPinFailsEvenWhenTheServerSaysNotModified() throws Exception {
    assertThat(fetch(population(url("/data/population.csv"), null), "2024-07-26")).hasSize(1);
    Map<String, String> before = TreeState.of(t.root);
    assertThatThrownBy(
            () -> fetch(population(url("/data/population.csv"), "ab".repeat(32)), "2024-07-27"))
        .hasMessageContaining("not the pinned " + "ab".repeat(32));
    assertThat(conditional.get()).as("the server answered 304").isEqualTo(1);
    assertThat(TreeState.of(t.root)).isEqualTo(before);
  }

  @Test
  void aRelativeFileUrlIsOneLineNamingTheDataset() {
    assertThatThrownBy(
            () ->
                DatasetSpec.of(
                    "cities", "file:src/one.csv", null, Map.of(), "pom <datasets> cities"))
        .hasMessage(
            "pom <datasets> cities: <url>file:src/one.csv</url> is a relative file URL: write"
                + " file:/// and the file's absolute path");
  }

  @Test
  void fileSourcesOfflineRunsAndBadDeclarations() throws Exception {
    Path csv = Files.writeString(dir.resolve("codes.csv"), "code\nfr\n");
    DatasetSpec codes =
        DatasetSpec.of(
            "iso/codes", csv.toUri().toString(), Sha256.ofFile(csv).hex(), Map.of(), "test");
    assertThat(fetch(codes, "2024-07-26")).hasSize(1);
    assertThat(fetch(codes, "2024-07-27")).isEmpty();

    try (GoalContext context = Contexts.of(t.log, 2, t::depot)) {
      t.lines.clear();
      DatasetSpec remote = population(url("/data/population.csv"), null);
      assertThat(
              new FetchDatasets(
                      context,
                      t.alcove(),
                      List.of(codes, remote),
                      true,
                      ArtifactSource.NONE,
                      u -> Optional.empty(),
                      FetchDatasets.DEFAULT_FETCH_TIMEOUT)
                  .fetch(Optional.empty(), false))
          .isEmpty();
      assertThat(t.lines)
          .contains(
              "working offline: skipped fetching worldbank/population",
              "dataset iso/codes: unchanged since 2024-07-26");
      assertThat(bodiesSent.get()).isZero();
    }
    assertThatThrownBy(
            () ->
                DatasetSpec.of(
                    "iso/codes", "ftp://x/y.csv", null, Map.of(), "pom <datasets> iso/codes"))
        .hasMessage(
            "pom <datasets> iso/codes: 'ftp://x/y.csv' is not a source alcove fetches: use https://, http://, file: or"
                + " mvn:group:artifact:version[:type[:classifier]]");
    assertThatThrownBy(() -> DatasetSpec.of("iso/codes", "mvn:only:two", null, Map.of(), "pom"))
        .hasMessage("pom: 'mvn:only:two' is not mvn:group:artifact:version[:type[:classifier]]");
    assertThatThrownBy(
            () -> DatasetSpec.of("iso/codes/2024-01-01", "file:/x.csv", null, Map.of(), "pom"))
        .hasMessageContaining("has a version");
    assertThatThrownBy(
            () ->
                fetch(
                    DatasetSpec.of("iso/dir", dir.toUri().toString(), null, Map.of(), "t"),
                    "2024-07-26"))
        .hasMessageContaining("is a folder");
  }

  @Test
  void datasetsInAlcoveYamlAreFetchedKeptOnRewritesAndMustAgreeWithThePom() throws Exception {
    Path csv = Files.writeString(dir.resolve("codes.csv"), "code\nfr\n");
    Path catalogue = t.path("alcove.yaml");
    Files.writeString(
        catalogue,
        Files.readString(catalogue)
            + "datasets:\n  iso/codes:\n    url: "
            + csv.toUri()
            + "\n    license: ODC-PDDL-1.0\n");
    assertThat(fetch(population(url("/data/population.csv"), null), "2024-07-26"))
        .extracting(StepUri::toString)
        .containsExactlyInAnyOrder(
            "snapshot://worldbank/population/2024-07-26", "snapshot://iso/codes/2024-07-26");
    // Adding steps rewrote alcove.yaml: the declaration is still there.
    assertThat(Files.readString(catalogue))
        .contains(
            "datasets:\n  iso/codes:\n    url: " + csv.toUri() + "\n    license: ODC-PDDL-1.0\n");
    assertThat(Files.readString(t.path("data/snapshots/iso/codes/2024-07-26.meta.yaml")))
        .contains("license: ODC-PDDL-1.0");

    DatasetSpec differently =
        DatasetSpec.of("iso/codes", csv.toUri().toString(), null, Map.of("license", "CC0"), "pom");
    assertThatThrownBy(() -> fetch(differently, "2024-07-27"))
        .hasMessage(
            "dataset iso/codes is declared differently in alcove.yaml and in "
                + dev.alcove.core.frontend.FrontEnd.NEUTRAL.declaredDatasets()
                + ": declare it in one place only");
    Files.writeString(
        catalogue, Files.readString(catalogue).replace("    license:", "    licence:"));
    assertThatThrownBy(() -> t.alcove())
        .hasMessageContaining("unknown field 'licence' of dataset iso/codes");
  }
}
