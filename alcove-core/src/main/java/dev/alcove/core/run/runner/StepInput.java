package dev.alcove.core.run.runner;

import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;

/** One dependency as a step sees it: its URI, its template variable and where its data is. */
public record StepInput(StepUri uri, String variable, Path dataPath) {}
