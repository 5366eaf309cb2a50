package dev.alcove.core.init;

import dev.alcove.core.AlcoveEdit;
import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import java.nio.file.Path;

/** Creates an empty alcove: {@code alcove.yaml} and {@code data/.gitignore}. */
public final class InitAlcove {

  private InitAlcove() {}

  /** Returns false, changing nothing, when {@code root} already holds an alcove. */
  public static boolean init(GoalContext context, Path root) {
    AlcoveLog log = context.log();
    if (CatalogueFile.exists(root) || !AlcoveEdit.initialise(root, log)) {
      log.info("alcove already set up in " + root + ": left untouched");
      return false;
    }
    AlcoveLayout layout = AlcoveLayout.withDefaults(root);
    log.info(
        "created " + CatalogueFile.FILE_NAME + " and " + layout.relative(layout.dataGitignore()));
    return true;
  }
}
