package dev.alcove.core.audit;

/**
 * @param fix repair what can be repaired, and say what changed
 * @param strict treat missing licence or source as errors, not warnings
 * @param remote also check that every object a sidecar names exists in the goal's store
 */
public record AuditOptions(boolean fix, boolean strict, boolean remote) {}
