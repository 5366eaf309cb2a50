package dev.alcove.core.run.runner;

import dev.alcove.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A class-data-sharing archive for a Java step's JVM, kept beside its compiled classes: the first
 * run records the classes it loads (Hadoop's and parquet-avro's among them) into the archive as it
 * exits, and every later run maps them in instead of loading and verifying them again, which halves
 * a small step's time. The archive belongs to one class path: the step's folder changes with the
 * class path's content, and the JVM itself refuses an archive whose jars changed. A class path
 * holding a folder of classes (the project's {@code target/classes}) cannot be archived, so those
 * steps run without one.
 */
final class SharedClasses {

  private static final String ARCHIVE = "step.jsa";

  private final Path archive;
  private final Optional<Path> recording;

  private SharedClasses(Path archive, Optional<Path> recording) {
    this.archive = archive;
    this.recording = recording;
  }

  /** Empty where the class path cannot be archived. */
  static Optional<SharedClasses> of(Path folder, List<Path> classPath) {
    for (Path element : classPath) {
      if (Files.isDirectory(element) && !isEmpty(element)) {
        return Optional.empty();
      }
    }
    Path archive = folder.resolve(ARCHIVE);
    if (Files.isRegularFile(archive)) {
      return Optional.of(new SharedClasses(archive, Optional.empty()));
    }
    return Optional.of(
        new SharedClasses(
            archive,
            Optional.of(folder.resolve(ARCHIVE + AtomicFiles.TEMP_MARKER + UUID.randomUUID()))));
  }

  /** The JVM options: record the archive on the first run, map it in on the others. */
  List<String> options() {
    String option =
        recording
            .map(file -> "-XX:ArchiveClassesAtExit=" + file)
            .orElse("-XX:SharedArchiveFile=" + archive);
    // The JVM's notes on classes it cannot archive are not the step's output.
    return List.of(option, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  /** After a successful first run, puts the recorded archive in place. */
  void keep() {
    recording.ifPresent(
        file -> {
          try {
            if (Files.isRegularFile(file)) {
              Files.move(
                  file,
                  archive,
                  StandardCopyOption.ATOMIC_MOVE,
                  StandardCopyOption.REPLACE_EXISTING);
            }
          } catch (IOException e) {
            // Without the archive the next run records it again: nothing is lost.
          } finally {
            AtomicFiles.deleteQuietly(file);
          }
        });
  }

  /** Drops what a run that failed recorded. */
  void discard() {
    recording.ifPresent(AtomicFiles::deleteQuietly);
  }

  private static boolean isEmpty(Path folder) {
    try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
