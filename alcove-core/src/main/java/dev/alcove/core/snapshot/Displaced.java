package dev.alcove.core.snapshot;

import dev.alcove.core.io.IoErrors;
import dev.alcove.core.layout.AlcoveLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where a restore puts local files it would otherwise overwrite or delete: a snapshot file edited
 * by hand, or a file added to a snapshot folder. They go under {@code
 * target/alcove/displaced/<time>/} at their path in the alcove, so the edit can still be
 * snapshotted; nothing a user made is discarded without a word.
 */
final class Displaced {

  static final String FOLDER = "displaced";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final AlcoveLayout layout;
  private final Path folder;

  Displaced(AlcoveLayout layout, LocalDateTime now) {
    this.layout = layout;
    this.folder = layout.buildDir().resolve(FOLDER).resolve(STAMP.format(now));
  }

  /** Moves {@code file} aside and returns where it now is, relative to the alcove. */
  String moveAside(Path file) {
    Path aside = folder.resolve(layout.relative(file));
    try {
      Files.createDirectories(aside.getParent());
      int copy = 1;
      while (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
        aside = aside.resolveSibling(file.getFileName() + "." + ++copy);
      }
      Files.move(file, aside);
    } catch (IOException e) {
      throw IoErrors.unchecked(
          "cannot move " + layout.relative(file) + " aside before restoring it", e);
    }
    return layout.relative(aside);
  }
}
