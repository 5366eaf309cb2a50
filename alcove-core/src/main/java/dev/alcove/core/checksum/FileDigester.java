package dev.alcove.core.checksum;

import java.nio.file.Path;

/**
 * Computes a file's checksum. The plain implementation reads every byte; the build's stat cache
 * answers from memory for a file whose size, modification time and identity have not changed.
 */
@FunctionalInterface
public interface FileDigester {
  FileDigester READ_EVERY_BYTE = Sha256::ofFile;

  Checksum checksum(Path file);
}
