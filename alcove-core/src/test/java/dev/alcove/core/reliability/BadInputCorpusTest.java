package dev.alcove.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.run.RunReport;
import dev.alcove.core.snapshot.TakeSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.DotEnv;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.testing.TreeState;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, one case each: the goal fails with a one-line message of the expected kind, and the
 * catalogue, sidecars, data and store are exactly as they were (build state under target/ aside).
 */
@Tag("reliability")
class BadInputCorpusTest {

  @TempDir Path dir;

  private record Case(
      String name,
      Consumer<TestAlcove> setup,
      Function<TestAlcove, Object> action,
      String expected) {}

  static final String SUM = "dffd6021bb2bd5b0af676290809ec3a53191dd81c7f70a4b28688a362182986f";

  @TestFactory
  Stream<DynamicTest> everyBadInputFailsClearlyAndChangesNothing() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private void check(Case c) throws Exception {
    Path caseDir = Files.createTempDirectory(dir, "case");
    TestAlcove t = new TestAlcove(caseDir);
    t.snapshotText("people", "people.csv", "region,people\neu,10\n");
    t.table(
        "table://summary/latest", ".sql", "SELECT * FROM '{people}'", "snapshot://people/latest");
    assertThat(t.run().succeeded()).isTrue();
    c.setup().accept(t);
    Map<String, String> before = state(t);
    String message;
    try {
      Object result = c.action().apply(t);
      if (result instanceof RunReport report && !report.succeeded()) {
        message = report.failureSummary();
      } else {
        fail("no failure for " + c.name() + ": " + result);
        return;
      }
    } catch (AlcoveException e) {
      message = e.getMessage();
    }
    // One line says it all; only DuckDB's errors add its own lines (the quoted SQL, a caret).
    String firstLine = message.lines().findFirst().orElse("");
    assertThat(firstLine).as(c.name()).contains(c.expected());
    if (!firstLine.equals(message)) {
      assertThat(firstLine).as(c.name()).containsPattern("\\.sql:\\d+: ");
    }
    assertThat(state(t)).as("files changed by " + c.name()).isEqualTo(before);
  }

  private static Map<String, String> state(TestAlcove t) {
    Map<String, String> state = new TreeMap<>();
    TreeState.of(t.root)
        .forEach(
            (path, sum) -> {
              if (!path.startsWith("target")) {
                state.put("alcove/" + path, sum);
              }
            });
    TreeState.of(t.store).forEach((path, sum) -> state.put("store/" + path, sum));
    return state;
  }

  private static Consumer<TestAlcove> catalogue(String yaml) {
    return t -> TestAlcove.write(t.path("alcove.yaml"), yaml);
  }

  private static Consumer<TestAlcove> sidecar(String from, String to) {
    return t -> {
      try {
        Path file = t.path("data/snapshots/people/2024-07-26.meta.yaml");
        Files.writeString(file, Files.readString(file).replace(from, to));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static Consumer<TestAlcove> step(
      String uri, String extension, String definition, boolean executable, String... deps) {
    return t -> {
      t.table(uri, extension, definition, deps);
      Path file = t.path("src/steps/tables/" + StepUri.parse(uri).datasetPath() + extension);
      file.toFile().setExecutable(executable);
    };
  }

  private static Object run(TestAlcove t) {
    return t.run();
  }

  private static Object snapshot(TestAlcove t, Path source, String dataset) {
    try (GoalContext context = Contexts.of(AlcoveLog.SILENT, 2, t::depot)) {
      return new TakeSnapshot(context, t.alcove()).snapshot(source, dataset, false);
    }
  }

  private static Path input(TestAlcove t, String name) {
    return t.root.resolveSibling("bad-inputs").resolve(name);
  }

  private static final String HEAD = "version: 1\ndata_dir: data\nsteps:\n";

  private List<Case> cases() {
    Function<TestAlcove, Object> run = BadInputCorpusTest::run;
    return List.of(
        new Case(
            "malformed YAML",
            catalogue(HEAD + "  snapshot://people/2024-07-26: [\n"),
            run,
            "malformed YAML"),
        new Case(
            "duplicate keys",
            catalogue(
                HEAD + "  snapshot://people/2024-07-26: []\n  snapshot://people/2024-07-26: []\n"),
            run,
            "duplicate key"),
        new Case(
            "steps of the wrong type",
            catalogue(HEAD.replace("steps:\n", "steps: [a, b]\n")),
            run,
            "'steps' must be a mapping"),
        new Case(
            "version of the wrong type",
            catalogue("version: one\nsteps: {}\n"),
            run,
            "must be a whole number"),
        new Case(
            "a YAML tag that would run code",
            catalogue(
                "version: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n"),
            run,
            "is not allowed"),
        new Case(
            "unknown URI scheme",
            catalogue(HEAD + "  file://people/2024-07-26: []\n"),
            run,
            "unknown scheme 'file'"),
        new Case(
            "upper case in a URI",
            catalogue(HEAD + "  snapshot://People/2024-07-26: []\n"),
            run,
            "segment 'People'"),
        new Case(
            "'..' in a URI",
            catalogue(HEAD + "  snapshot://../people/2024-07-26: []\n"),
            run,
            "segment '..'"),
        new Case(
            "absolute path in a URI",
            catalogue(HEAD + "  snapshot:///etc/2024-07-26: []\n"),
            run,
            "must be relative"),
        new Case(
            "empty segment in a URI",
            catalogue(HEAD + "  snapshot://a//2024-07-26: []\n"),
            run,
            "empty path segment"),
        new Case(
            "impossible date version",
            catalogue(HEAD + "  snapshot://people/2024-02-30: []\n"),
            run,
            "is not a version"),
        new Case(
            "unknown dependency",
            catalogue(
                HEAD
                    + "  snapshot://people/2024-07-26: []\n  table://summary/latest:\n  - snapshot://nobody/latest\n"),
            run,
            "not in the catalogue"),
        new Case(
            "a cycle",
            catalogue(
                HEAD
                    + "  snapshot://people/2024-07-26: []\n  table://summary/latest:\n  - table://summary/latest\n"),
            run,
            "cycle"),
        new Case(
            "a snapshot with dependencies",
            catalogue(HEAD + "  snapshot://people/2024-07-26:\n  - table://summary/latest\n"),
            run,
            "cannot have dependencies"),
        new Case(
            "data_dir outside the alcove",
            catalogue("version: 1\ndata_dir: ../elsewhere\nsteps: {}\n"),
            run,
            "inside the alcove"),
        new Case(
            "manifest key escaping the folder",
            sidecar(
                "snapshot_type: file\nextension: .csv\n",
                "snapshot_type: directory\nmanifest:\n  ../../outside: " + SUM + "\n"),
            run,
            "../../outside"),
        new Case(
            "absolute manifest key",
            sidecar(
                "snapshot_type: file\nextension: .csv\n",
                "snapshot_type: directory\nmanifest:\n  /etc/passwd: " + SUM + "\n"),
            run,
            "/etc/passwd"),
        new Case(
            "checksum that is not SHA-256",
            sidecar("checksum: ", "checksum: XYZ"),
            run,
            "is not a SHA-256 checksum"),
        new Case(
            "sidecar URI for another step",
            sidecar("uri: snapshot://people/2024-07-26", "uri: snapshot://other/2024-07-26"),
            run,
            "does not match"),
        new Case(
            "unknown snapshot type",
            sidecar("snapshot_type: file", "snapshot_type: archive"),
            run,
            "must be file or directory"),
        new Case(
            "YAML tag in a sidecar",
            sidecar("# license: ", "license: !!java.io.File [/etc/passwd]"),
            run,
            "is not allowed"),
        new Case(
            "missing snapshot source",
            t -> {},
            t -> snapshot(t, input(t, "missing.csv"), "other"),
            "does not exist"),
        new Case(
            "empty snapshot folder",
            t -> mkdirs(input(t, "empty/sub")),
            t -> snapshot(t, input(t, "empty"), "other"),
            "holds no files"),
        new Case(
            "symlink out of a snapshot folder",
            t -> {
              TestAlcove.write(input(t, "linked/a.txt"), "a");
              TestAlcove.write(input(t, "secret.txt"), "secret");
              link(input(t, "linked/out.txt"), input(t, "secret.txt"));
            },
            t -> snapshot(t, input(t, "linked"), "other"),
            "points outside snapshot folder"),
        new Case(
            "symlink loop in a snapshot folder",
            t -> {
              TestAlcove.write(input(t, "loop/a.txt"), "a");
              link(input(t, "loop/again"), input(t, "loop"));
            },
            t -> snapshot(t, input(t, "loop"), "other"),
            "loop"),
        new Case(
            "dataset name with spaces",
            t -> TestAlcove.write(input(t, "ok.csv"), "a\n"),
            t -> snapshot(t, input(t, "ok.csv"), "my data"),
            "invalid step URI"),
        new Case(
            "existing snapshot without force",
            t -> TestAlcove.write(input(t, "ok.csv"), "a\n"),
            t -> snapshot(t, input(t, "ok.csv"), "people/2024-07-26"),
            "already exists"),
        new Case(
            "a store that is a file",
            t -> TestAlcove.write(input(t, "ok.csv"), "a\n"),
            t -> {
              Path notAFolder = input(t, "store-file");
              TestAlcove.write(notAFolder, "x");
              try (GoalContext context =
                  Contexts.of(
                      AlcoveLog.SILENT,
                      2,
                      () ->
                          new Depot(
                              new LocalDirectoryStore(notAFolder, "local store"),
                              Optional.empty(),
                              AlcoveLog.SILENT))) {
                return new TakeSnapshot(context, t.alcove())
                    .snapshot(input(t, "ok.csv"), "other", false);
              }
            },
            "cannot write to local store"),
        new Case(
            "a table with no definition",
            t -> t.addStep(StepUri.parse("table://ghost/latest"), List.of()),
            run,
            "has no definition"),
        new Case(
            "two definitions for one table",
            step("table://twice/latest", ".sql", "SELECT 1", false)
                .andThen(t -> TestAlcove.write(t.path("src/steps/tables/twice.py"), "print(1)\n")),
            run,
            "more than one definition"),
        new Case(
            "a program that is not executable",
            step("table://noexec/latest", ".sh", "#!/bin/sh\n", false),
            run,
            "is not executable"),
        new Case(
            "SQL syntax error",
            step("table://bad/latest", ".sql", "SELEC 1", false),
            run,
            "src/steps/tables/bad.sql:1: Parser Error"),
        new Case(
            "a program that exits 1",
            step("table://exits/latest", ".sh", "#!/bin/sh\nexit 1\n", true),
            run,
            "exited with status 1"),
        new Case(
            "a program that writes nothing",
            step("table://silent/latest", ".sh", "#!/bin/sh\nexit 0\n", true),
            run,
            "wrote no output"),
        new Case(
            "a program that writes garbage",
            step("table://garbage/latest", ".sh", "#!/bin/sh\necho nonsense > \"$1\"\n", true),
            run,
            "not valid Parquet"),
        new Case(
            "unknown key in a table config",
            t ->
                TestAlcove.write(t.path("src/steps/tables/summary.meta.yaml"), "validations: {}\n"),
            run,
            "unknown key 'validations'"),
        new Case(
            "unknown column type in a table config",
            t ->
                TestAlcove.write(
                    t.path("src/steps/tables/summary.meta.yaml"), "schema:\n  region: text\n"),
            run,
            "use one of string"),
        new Case(
            "inheriting from a step that is not a dependency",
            t ->
                TestAlcove.write(
                    t.path("src/steps/tables/summary.meta.yaml"),
                    "inherit:\n  snapshot://nobody/latest:\n    fields: [license]\n"),
            run,
            "not one of its dependencies"),
        new Case(
            "a data test with an unknown severity",
            t ->
                TestAlcove.write(
                    t.path("src/steps/tables/summary.meta.yaml"),
                    "validation:\n  row_count:\n    min: 1\n    severity: fatal\n"),
            run,
            "src/steps/tables/summary.meta.yaml:4: severity 'fatal': use error or warn"),
        new Case(
            "a data test's name that leaves the tests folder",
            t ->
                TestAlcove.write(
                    t.path("src/steps/tables/summary.meta.yaml"),
                    "validation:\n  tests: [../../etc/passwd]\n"),
            run,
            "tests: '../../etc/passwd' is not a test's name"),
        new Case(
            "accepted values that are not a list",
            t ->
                TestAlcove.write(
                    t.path("src/steps/tables/summary.meta.yaml"),
                    "validation:\n  accepted_values:\n    region: eu\n"),
            run,
            "summary.meta.yaml:3: 'region' must be a list of values"));
  }

  @TestFactory
  Stream<DynamicTest> inputsThatMustWork() {
    return Stream.of(
        DynamicTest.dynamicTest(
            "spaces and non-ASCII in a source path",
            () -> {
              TestAlcove t = new TestAlcove(Files.createTempDirectory(dir, "ok"));
              Path source = input(t, "données brutes/été 2024.csv");
              TestAlcove.write(source, "a\n1\n");
              snapshot(t, source, "ete");
              assertThat(t.path("data/snapshots/ete/2024-07-26.csv")).hasContent("a\n1\n");
            }),
        DynamicTest.dynamicTest(
            "a .env with garbage lines still reads its good lines",
            () -> {
              Path env = Files.createTempDirectory(dir, "env").resolve(".env");
              Files.writeString(
                  env, "S3_BUCKET_NAME=b\n\u0000garbage\n=x\nexport S3_ENDPOINT_URL='http://h'\n");
              assertThat(DotEnv.read(env, AlcoveLog.SILENT))
                  .containsExactly(
                      Map.entry("S3_BUCKET_NAME", "b"), Map.entry("S3_ENDPOINT_URL", "http://h"));
            }));
  }

  private static void mkdirs(Path path) {
    try {
      Files.createDirectories(path);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void link(Path link, Path target) {
    try {
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, target);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
