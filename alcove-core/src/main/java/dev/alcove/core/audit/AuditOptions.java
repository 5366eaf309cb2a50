package dev.alcove.core.audit;

import dev.alcove.core.store.Depot;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * @param fix repair what can be repaired, and say what changed
 * @param strict treat missing licence or source as errors, not warnings
 * @param remote also check that every object a sidecar names exists in the store
 */
public record AuditOptions(
    boolean fix, boolean strict, boolean remote, Optional<Supplier<Depot>> depot) {}
