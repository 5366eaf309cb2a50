package dev.alcove.core.testing;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.Depot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Goal contexts for tests: the day is always 2024-07-26, Java steps get the test class path. */
public final class Contexts {

  public static final Clock JULY_26 =
      Clock.fixed(Instant.parse("2024-07-26T12:00:00Z"), ZoneOffset.UTC);

  private Contexts() {}

  public static GoalContext of(AlcoveLog log, int threads, Supplier<Depot> store) {
    return GoalContext.builder()
        .log(log)
        .clock(JULY_26)
        .threads(threads)
        .store(store)
        .javaClassPath(Contexts::testClassPath)
        .build();
  }

  /** For work that needs no store. */
  public static GoalContext of(AlcoveLog log) {
    return GoalContext.builder().log(log).clock(JULY_26).threads(2).build();
  }

  public static GoalContext silent() {
    return of(AlcoveLog.SILENT);
  }

  public static List<Path> testClassPath() {
    return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(Path::of)
        .toList();
  }
}
