package dev.alcove.core.site;

import dev.alcove.core.Alcove;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.io.AtomicFiles;
import java.nio.file.Path;

/**
 * {@code catalogue}: writes the catalogue page into {@code target/alcove/catalogue/index.html},
 * self-contained (no script, no font or style from elsewhere), so it opens from {@code file://}.
 */
public final class WriteCatalogue {

  private WriteCatalogue() {}

  public static Path write(GoalContext context, Alcove alcove, String title) {
    Path page = alcove.layout().buildDir().resolve("catalogue").resolve("index.html");
    AtomicFiles.writeString(
        page,
        new CataloguePage(
                alcove,
                StepStates.of(context, alcove),
                dev.alcove.core.tabledata.TableData.of(alcove.layout(), context))
            .html(title, page.getParent()));
    return page;
  }
}
