package dev.alcove.core.run;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to run: which steps (a regex, with everything upstream and downstream of what it matches),
 * whether to rebuild what is up to date, and whether only to plan.
 */
public record RunOptions(Optional<Pattern> select, boolean force, boolean dryRun) {}
