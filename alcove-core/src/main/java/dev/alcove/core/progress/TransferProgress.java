package dev.alcove.core.progress;

/** Receives byte counts as a transfer goes; implementations must be thread-safe. */
@FunctionalInterface
public interface TransferProgress {
  TransferProgress NONE = bytes -> {};

  void transferred(long bytes);

  /** The size of the object about to come, once the store knows it (for a percentage). */
  default void expect(long bytes) {}
}
