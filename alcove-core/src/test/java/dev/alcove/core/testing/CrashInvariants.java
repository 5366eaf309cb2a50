package dev.alcove.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.Alcove;
import dev.alcove.core.cache.CacheEntry;
import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.run.PlannedStep;
import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.store.ObjectKeys;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What must hold of an alcove after its build was killed at any moment, and what a completed build
 * leaves: shared by the crash test of the core and the one that kills whole Maven processes.
 */
public final class CrashInvariants {
  private CrashInvariants() {}

  /**
   * Checks that the catalogue and every sidecar parse; that every object under {@code
   * objectFolders} (stores and caches, laid out by object key) hashes to its key; and that every
   * table the planner takes as up to date has a Parquet file matching its metadata.
   */
  public static void check(Path root, List<Path> objectFolders, String when) throws IOException {
    CatalogueFile.read(root);
    Alcove alcove = Alcove.open(root);
    for (StepUri uri : alcove.catalogue().steps().keySet()) {
      if (uri.isSnapshot()) {
        SnapshotMetadata.readIfExists(alcove.layout().snapshotSidecar(uri), uri);
      } else {
        TableMetadata.readIfExists(alcove.layout().tableSidecar(uri), uri);
      }
    }
    for (Path objects : objectFolders) {
      if (!Files.exists(objects)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(objects)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String name = file.getFileName().toString();
          if (name.contains(AtomicFiles.TEMP_MARKER)) {
            continue;
          }
          if (objects.relativize(file).startsWith("cache")) {
            // A table cache entry is written after its object: it never names a missing one.
            Checksum key = Checksum.of(name);
            CacheEntry entry = CacheEntry.parse(Files.readAllBytes(file), key, file.toString());
            assertThat(objects.resolve(ObjectKeys.relativeKey(entry.output())))
                .as("%s: the object of cache entry %s", when, file)
                .exists();
            continue;
          }
          assertThat(Sha256.ofFile(file))
              .as("%s: object %s", when, file)
              .isEqualTo(Checksum.of(name));
        }
      }
    }
    RunOptions dryRun =
        new RunOptions(
            dev.alcove.core.select.Selection.ALL,
            false,
            true,
            dev.alcove.core.cache.CacheOptions.OFF);
    GoalContext noStore =
        Contexts.of(
            AlcoveLog.SILENT,
            2,
            () -> {
              throw new IllegalStateException("a dry run opened the store");
            });
    for (PlannedStep step : new RunEngine(noStore, alcove, dryRun).run().plan()) {
      if (step.uri().isTable() && !step.runs()) {
        Checksum recorded =
            TableMetadata.read(alcove.layout().tableSidecar(step.uri()), step.uri()).checksum();
        assertThat(Sha256.ofFile(alcove.layout().tableFile(step.uri())))
            .as("%s: %s passes as up to date", when, step.uri())
            .isEqualTo(recorded);
      }
    }
  }

  /** What a completed build leaves: the checksum of every snapshot's data and every table. */
  public static Map<String, String> outcome(Path root) throws IOException {
    Map<String, String> outcome = new TreeMap<>();
    Alcove alcove = Alcove.open(root);
    for (StepUri uri : alcove.catalogue().steps().keySet()) {
      if (uri.isSnapshot()) {
        outcome.put(
            uri.toString(),
            SnapshotMetadata.read(alcove.layout().snapshotSidecar(uri), uri).checksum().hex());
      } else {
        outcome.put(uri.toString(), Sha256.ofFile(alcove.layout().tableFile(uri)).hex());
      }
    }
    return outcome;
  }

  /** Checks that the store under {@code objects} (keys without prefix) holds every snapshot. */
  public static void storeHoldsEverySnapshot(Path root, Path objects, String when)
      throws IOException {
    Alcove alcove = Alcove.open(root);
    for (StepUri uri : alcove.catalogue().steps().keySet()) {
      if (!uri.isSnapshot()) {
        continue;
      }
      SnapshotMetadata sidecar = SnapshotMetadata.read(alcove.layout().snapshotSidecar(uri), uri);
      for (Checksum sum : sidecar.objects()) {
        assertThat(objects.resolve(ObjectKeys.relativeKey(sum)))
            .as("%s: the store holds %s of %s", when, sum, uri)
            .isRegularFile();
      }
    }
  }
}
