package dev.alcove.core.run;

import dev.alcove.core.store.Depot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * How to run: which steps, whether to force or only plan, on how many threads; the class path for
 * Java steps, found only when one runs; and how to open the store, which is done only if a snapshot
 * must be restored.
 */
public record RunOptions(
    Optional<Pattern> select,
    boolean force,
    boolean dryRun,
    int threads,
    Supplier<List<Path>> javaClassPath,
    Supplier<Depot> depot) {}
