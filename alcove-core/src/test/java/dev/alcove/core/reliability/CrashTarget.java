package dev.alcove.core.reliability;

import dev.alcove.core.Alcove;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.snapshot.TakeSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.testing.Contexts;
import java.nio.file.Path;
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
                AlcoveLog.SILENT);
    System.out.println("started");
    System.out.flush();
    GoalContext context = Contexts.of(AlcoveLog.SILENT, 2, depot);
    switch (args[0]) {
      case "snapshot" ->
          new TakeSnapshot(context, Alcove.open(root)).snapshot(Path.of(args[3]), args[4], true);
      case "run", "run-outputs" -> {
        var report =
            new RunEngine(
                    context,
                    Alcove.open(root),
                    new RunOptions(
                        dev.alcove.core.select.Selection.ALL,
                        false,
                        false,
                        dev.alcove.core.cache.CacheOptions.DEFAULT,
                        args[0].equals("run")
                            ? dev.alcove.core.run.Download.ALL
                            : dev.alcove.core.run.Download.OUTPUTS))
                .run();
        if (!report.succeeded()) {
          throw new IllegalStateException(report.failureSummary());
        }
      }
      case "gc" ->
          new dev.alcove.core.gc.CollectGarbage(
                  context,
                  Alcove.open(root),
                  new dev.alcove.core.gc.GcOptions(true, 30, Optional.empty(), true))
              .run();
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.out.println("finished");
  }
}
