package dev.alcove.core.audit;

/**
 * @param fix repair what can be repaired, and say what changed
 * @param strict treat missing licence or source as errors, not warnings
 * @param remote also check that every object a sidecar names exists in the goal's store
 * @param pythonCompatible the alcove is shared with the Python tool: warn of SQL it cannot build
 */
public record AuditOptions(boolean fix, boolean strict, boolean remote, boolean pythonCompatible) {

  public AuditOptions(boolean fix, boolean strict, boolean remote) {
    this(fix, strict, remote, false);
  }
}
