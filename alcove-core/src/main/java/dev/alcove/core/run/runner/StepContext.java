package dev.alcove.core.run.runner;

import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a runner needs to build one table: its definition, its inputs in declared order, the
 * alcove folder (the working directory of programs) and the temporary Parquet path to write.
 */
public record StepContext(
    StepUri uri,
    Path definition,
    Path alcoveRoot,
    List<StepInput> inputs,
    Path output,
    AlcoveLog log) {}
