package dev.alcove.core.reliability;

import dev.alcove.core.Alcove;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.snapshot.TakeSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.table.NewTable;
import dev.alcove.core.testing.Contexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Run in a child JVM by {@link ConcurrentWritersTest}: waits until a start file appears, so that
 * every writer begins at once, then adds one step to the alcove as the goals do.
 *
 * <p>Arguments: {@code snapshot <alcove> <store> <start file> <source> <dataset>} or {@code
 * new-table <alcove> <store> <start file> <table> [dependency]}.
 */
public final class ConcurrentWriter {

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[1]);
    Path store = Path.of(args[2]);
    Path start = Path.of(args[3]);
    Alcove alcove = Alcove.open(root);
    while (!Files.exists(start)) {
      Thread.onSpinWait();
    }
    write(args[0], alcove, store, args[4], args.length > 5 ? args[5] : "");
  }

  static void write(String kind, Alcove alcove, Path store, String what, String other) {
    try (GoalContext context =
        Contexts.of(
            AlcoveLog.SILENT,
            1,
            () ->
                new Depot(
                    new LocalDirectoryStore(store, "local store"),
                    Optional.empty(),
                    AlcoveLog.SILENT))) {
      if (kind.equals("snapshot")) {
        new TakeSnapshot(context, alcove).snapshot(Path.of(what), other, false);
      } else {
        NewTable.create(context, alcove, what, other.isEmpty() ? List.of() : List.of(other));
      }
    }
  }
}
