package dev.alcove.core.reliability;

import dev.alcove.core.Alcove;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.snapshot.TakeSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Run in a child JVM that the crash test kills: one alcove operation through the core. */
public final class CrashTarget {
  public static void main(String[] args) {
    Path root = Path.of(args[1]);
    Path store = Path.of(args[2]);
    java.util.function.Supplier<Depot> depot =
        () ->
            new Depot(
                new LocalDirectoryStore(store, "local store"),
                Optional.of(LocalDirectoryStore.cache(store.resolveSibling("cache"))),
                false,
                AlcoveLog.SILENT);
    System.out.println("started");
    System.out.flush();
    switch (args[0]) {
      case "snapshot" ->
          new TakeSnapshot(Alcove.open(root), depot, AlcoveLog.SILENT, 2)
              .snapshot(Path.of(args[3]), args[4], true, LocalDate.of(2024, 7, 26));
      case "run" -> {
        var report =
            new RunEngine(
                    Alcove.open(root),
                    new RunOptions(Optional.empty(), false, false, 2, List::of, depot),
                    AlcoveLog.SILENT)
                .run();
        if (!report.succeeded()) {
          throw new IllegalStateException(report.failureSummary());
        }
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.out.println("finished");
  }
}
