package dev.alcove.maven;

import dev.alcove.core.log.AlcoveLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens the user's editor on a file, when there is a console to edit on. */
final class Editor {
  private Editor() {}

  static void open(Path file, AlcoveLog log) {
    String editor = System.getenv("VISUAL");
    if (editor == null || editor.isBlank()) {
      editor = System.getenv("EDITOR");
    }
    if (System.console() == null || editor == null || editor.isBlank()) {
      log.info(
          "not opening an editor (no interactive console or no $EDITOR): edit "
              + file
              + " by hand");
      return;
    }
    List<String> command = new ArrayList<>(List.of(editor.strip().split("\\s+")));
    command.add(file.toString());
    try {
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        log.warn("editor exited with " + exit + "; check " + file);
      }
    } catch (IOException e) {
      log.warn(
          "cannot start editor '"
              + editor
              + "': "
              + e.getMessage()
              + "; edit "
              + file
              + " by hand");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
