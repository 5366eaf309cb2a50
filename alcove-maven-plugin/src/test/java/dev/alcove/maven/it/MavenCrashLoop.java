package dev.alcove.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.io.Folders;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.store.ObjectKeys;
import dev.alcove.core.testing.CrashFixture;
import dev.alcove.core.testing.CrashInvariants;
import dev.alcove.core.testing.S3TestServer;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Kills whole {@code mvn} processes with SIGKILL at random moments while they snapshot (a file and
 * a folder, into a local store and into S3) and run (fetching from S3, building tables), and after
 * each kill checks the crash invariants, runs the goal again to completion, and compares the result
 * with that of builds never interrupted. Driven by the verify script of the {@code
 * crash-loop-kills-maven} IT, in the JVM that runs the invoker, which also runs the S3 server.
 */
public final class MavenCrashLoop {

  private static final String PREFIX = "crash";

  private final Path basedir;
  private final List<String> mvn;
  private final Random random = new Random(20261127L);
  private final Path sources;
  private final TestAlcove local;
  private final TestAlcove s3;
  private final Path s3Objects;
  private final Map<String, Mode> modes = new LinkedHashMap<>();

  /** One kind of interrupted build: what to undo first, and the goal to run in which alcove. */
  private record Mode(String name, TestAlcove alcove, Runnable prepare, List<String> goal) {}

  private MavenCrashLoop(File basedir, File localRepository) {
    this.basedir = basedir.toPath();
    String executable = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
    this.mvn =
        List.of(
            Path.of(System.getProperty("maven.home"), "bin", executable).toString(),
            "-B",
            "-nsu",
            "-s",
            this.basedir.resolve("local-only-settings.xml").toString(),
            "-Dmaven.repo.local=" + localRepository);
    this.sources = this.basedir.resolve("sources");
    this.local = new TestAlcove(this.basedir.resolve("local"));
    this.s3 = new TestAlcove(this.basedir.resolve("s3"));
    this.s3Objects = this.basedir.resolve("s3-blobs").resolve(S3TestServer.BUCKET).resolve(PREFIX);
  }

  /**
   * Runs {@code trials} kills, spread over the six modes, and returns a one-line report; throws an
   * {@link AssertionError} naming the trial at the first broken invariant.
   */
  public static String run(File basedir, File localRepository, int trials) throws Exception {
    MavenCrashLoop loop = new MavenCrashLoop(basedir, localRepository);
    ItS3.start(basedir, "s3/alcove");
    try {
      ItS3.writeKeysToDotEnv(basedir, "s3/alcove");
      return loop.trials(trials);
    } finally {
      ItS3.stop(basedir);
    }
  }

  private String trials(int trials) throws Exception {
    CrashFixture.writeSources(sources, random);
    Map<String, String> expected = setUp(local);
    assertThat(setUp(s3)).as("the same builds in an alcove on S3").isEqualTo(expected);
    defineModes();

    Map<String, Long> durations = new LinkedHashMap<>();
    for (Mode mode : modes.values()) {
      mode.prepare().run();
      durations.put(mode.name(), completes(mode, mode.name() + ", uninterrupted"));
    }
    int killed = 0;
    int finishedFirst = 0;
    List<Mode> all = List.copyOf(modes.values());
    for (int trial = 0; trial < trials; trial++) {
      Mode mode = all.get(trial % all.size());
      String when = "trial " + trial + " (" + mode.name() + ")";
      // A kill lands at a random moment within the time the goal took alone. Other builds on the
      // machine change that time, so a goal that ended first is tried again in half the window.
      long window = durations.get(mode.name());
      boolean killedMidGoal = false;
      for (int attempt = 0; attempt < 3 && !killedMidGoal; attempt++) {
        mode.prepare().run();
        killedMidGoal = startAndKill(mode, (long) (random.nextDouble() * window));
        if (!killedMidGoal) {
          finishedFirst++;
          window /= 2;
        }
      }
      if (killedMidGoal) {
        killed++;
      }
      CrashInvariants.check(mode.alcove().root, objectFolders(mode.alcove()), when);
      completes(mode, when + ", run again");
      if (mode.name().startsWith("snapshot")) {
        completes(new Mode(mode.name(), mode.alcove(), () -> {}, List.of("alcove:run")), when);
      }
      CrashInvariants.storeHoldsEverySnapshot(
          mode.alcove().root, mode.alcove() == s3 ? s3Objects : local.store, when);
      assertThat(CrashInvariants.outcome(mode.alcove().root))
          .as("%s: the result after recovery", when)
          .isEqualTo(expected);
    }
    assertThat(killed).as("trials that killed a running goal").isGreaterThanOrEqualTo(trials - 1);
    return "Maven crash trials: "
        + trials
        + ", mvn killed mid-goal: "
        + killed
        + ", goals that ended before their kill (and were tried again sooner): "
        + finishedFirst
        + ", invariants held after every one";
  }

  /** Snapshots both sources and builds three tables, uninterrupted: the expected outcome. */
  private Map<String, String> setUp(TestAlcove t) throws Exception {
    completes(snapshot("setup", t, "big.bin", "big/2024-07-26"), "set-up");
    completes(snapshot("setup", t, "folder", "folder/2024-07-26"), "set-up");
    CrashFixture.defineTables(t);
    completes(new Mode("setup", t, () -> {}, List.of("alcove:run")), "set-up");
    return CrashInvariants.outcome(t.root);
  }

  private void defineModes() {
    add(snapshot("snapshot-file-local", local, "big.bin", "big/2024-07-26"));
    add(snapshot("snapshot-folder-local", local, "folder", "folder/2024-07-26"));
    add(snapshot("snapshot-file-s3", s3, "big.bin", "big/2024-07-26"));
    add(snapshot("snapshot-folder-s3", s3, "folder", "folder/2024-07-26"));
    add(
        new Mode(
            "run-fetching-from-s3",
            s3,
            () -> {
              delete(s3.path("data/snapshots/big/2024-07-26.bin"));
              delete(s3.path("data/snapshots/folder/2024-07-26"));
              delete(cache(s3));
            },
            List.of("alcove:run")));
    add(
        new Mode(
            "run-building-tables",
            local,
            () -> delete(local.path("data/tables")),
            List.of("alcove:run")));
  }

  private void add(Mode mode) {
    modes.put(mode.name(), mode);
  }

  /**
   * A forced snapshot, with its objects deleted from the store first, so they are uploaded again.
   */
  private Mode snapshot(String name, TestAlcove t, String source, String dataset) {
    return new Mode(
        name,
        t,
        () -> deleteStoredObjects(t, StepUri.parse("snapshot://" + dataset)),
        List.of(
            "alcove:snapshot",
            "-Dalcove.source=" + sources.resolve(source),
            "-Dalcove.dataset=" + dataset,
            "-Dalcove.force=true"));
  }

  private void deleteStoredObjects(TestAlcove t, StepUri uri) {
    Path store = t == s3 ? s3Objects : t.store;
    SnapshotMetadata.readIfExists(t.alcove().layout().snapshotSidecar(uri), uri)
        .ifPresent(
            sidecar ->
                sidecar
                    .objects()
                    .forEach(sum -> delete(store.resolve(ObjectKeys.relativeKey(sum)))));
  }

  private static Path cache(TestAlcove t) {
    return t.root.resolveSibling("cache");
  }

  private List<Path> objectFolders(TestAlcove t) {
    return t == s3 ? List.of(s3Objects, cache(t)) : List.of(t.store);
  }

  private static void delete(Path path) {
    try {
      if (Files.isDirectory(path)) {
        Folders.delete(path);
      } else {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> command(Mode mode) {
    List<String> command = new ArrayList<>(mvn);
    command.addAll(mode.goal());
    command.add("-Dalcove.directory=" + mode.alcove().root);
    command.add("-Dalcove.cacheDir=" + cache(mode.alcove()));
    if (mode.alcove() == local) {
      command.add("-Dalcove.store=" + local.store);
    } else {
      command.add("-Dalcove.prefix=" + PREFIX);
    }
    return command;
  }

  /** Runs the goal to completion; returns the milliseconds from the goal's start to its end. */
  private long completes(Mode mode, String when) throws Exception {
    Child child = new Child(command(mode));
    child.goalStarted.await(120, TimeUnit.SECONDS);
    long started = System.nanoTime();
    child.goalEnded.await(300, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(child.process.waitFor(300, TimeUnit.SECONDS)).as(when).isTrue();
    assertThat(child.process.exitValue()).as("%s:%n%s", when, child.tail()).isZero();
    return millis;
  }

  /**
   * Starts the goal and kills Maven {@code delay} ms after the goal began; true if the goal was
   * still at work then (Maven had not said how the build ended).
   */
  private boolean startAndKill(Mode mode, long delay) throws Exception {
    Child child = new Child(command(mode));
    assertThat(child.goalStarted.await(120, TimeUnit.SECONDS))
        .as("%s: the goal started:%n%s", mode.name(), child.tail())
        .isTrue();
    boolean midGoal = !child.goalEnded.await(delay, TimeUnit.MILLISECONDS);
    child.process.destroyForcibly();
    assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return midGoal;
  }

  /** A Maven process, its output kept, and a latch released when the alcove goal begins. */
  private final class Child {
    final Process process;
    final CountDownLatch goalStarted = new CountDownLatch(1);
    final CountDownLatch goalEnded = new CountDownLatch(1);
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    Child(List<String> command) throws IOException {
      process =
          new ProcessBuilder(command).directory(basedir.toFile()).redirectErrorStream(true).start();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    // The goal's header: "--- alcove-maven-plugin:..." before Maven 3.9,
                    // "--- alcove:..." since.
                    if (line.contains("--- alcove")) {
                      goalStarted.countDown();
                    } else if (line.contains("BUILD SUCCESS") || line.contains("BUILD FAILURE")) {
                      goalEnded.countDown();
                    }
                  }
                } catch (IOException e) {
                  // the process was killed
                } finally {
                  goalStarted.countDown();
                  goalEnded.countDown();
                }
              },
              "mvn-output");
      reader.setDaemon(true);
      reader.start();
    }

    String tail() {
      synchronized (lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
      }
    }
  }
}
