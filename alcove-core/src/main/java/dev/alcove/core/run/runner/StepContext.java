package dev.alcove.core.run.runner;

import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a runner needs to build one table: its definition, its inputs in declared order, the
 * alcove folder (the working directory of programs), the temporary Parquet path to write, the
 * engine it runs on (as its cache key names it) and the build folder where a runner may keep work
 * it can reuse (compiled classes).
 */
public record StepContext(
    StepUri uri,
    Path definition,
    Path alcoveRoot,
    List<StepInput> inputs,
    Path output,
    String engine,
    Path buildDir,
    AlcoveLog log) {}
