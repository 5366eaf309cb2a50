package dev.alcove.core.db;

import dev.alcove.core.io.StateFile;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table each view name showed when {@code db} first gave it, kept in {@code
 * target/alcove/db-views.tsv}: a short alias must not quietly show another table because a table or
 * a version was added (saved queries and scripts would read other data without a word), and a name
 * that is gone can be explained.
 */
final class ViewHistory {

  static final String FILE_NAME = "db-views.tsv";

  private final Path file;
  private final Map<String, StepUri> shown;

  private ViewHistory(Path file, Map<String, StepUri> shown) {
    this.file = file;
    this.shown = shown;
  }

  static ViewHistory load(Path buildDir) {
    Path file = buildDir.resolve(FILE_NAME);
    Map<String, StepUri> shown =
        new TreeMap<>(
            StateFile.<String, StepUri>read(
                file, 2, (row, into) -> into.put(row[0], StepUri.parse(row[1]))));
    return new ViewHistory(file, shown);
  }

  /**
   * The views, less each name that showed another table before, with a warning for each; the names
   * given for the first time are recorded.
   */
  Map<String, TableViews.View> keepMeanings(Map<String, TableViews.View> views, AlcoveLog log) {
    Map<String, TableViews.View> kept = new LinkedHashMap<>();
    boolean changed = false;
    for (Map.Entry<String, TableViews.View> view : views.entrySet()) {
      StepUri before = shown.get(view.getKey());
      StepUri now = view.getValue().table();
      if (before != null && !before.equals(now)) {
        log.warn(
            "the view "
                + view.getKey()
                + " is left out: it showed "
                + before
                + " and would now show "
                + now
                + "; "
                + otherNames(views, view.getKey(), before, now)
                + " (delete target/alcove/"
                + FILE_NAME
                + " to take the new short names)");
        continue;
      }
      if (before == null) {
        shown.put(view.getKey(), now);
        changed = true;
      }
      kept.put(view.getKey(), view.getValue());
    }
    if (changed) {
      List<String> rows = new ArrayList<>();
      shown.forEach((name, table) -> rows.add(name + "\t" + table));
      StateFile.write(file, "# db view name\ttable it shows", rows);
    }
    return kept;
  }

  /** Why {@code name} is not a view, when it was one, and which views show that dataset now. */
  java.util.Optional<String> whyNotAView(String name, Map<String, TableViews.View> views) {
    StepUri before = shown.get(name);
    if (before == null || views.containsKey(name)) {
      return java.util.Optional.empty();
    }
    List<String> candidates = new ArrayList<>();
    views.forEach(
        (view, table) -> {
          if (table.table().sameDataset(before)) {
            candidates.add(view + " (" + table.table() + ")");
          }
        });
    return java.util.Optional.of(
        name
            + " is no longer a view: it showed "
            + before
            + (candidates.isEmpty()
                ? ", which is not built here now"
                : "; that dataset's views now: " + String.join(", ", candidates)));
  }

  private static String otherNames(
      Map<String, TableViews.View> views, String leftOut, StepUri before, StepUri now) {
    List<String> names = new ArrayList<>();
    views.forEach(
        (name, view) -> {
          if (!name.equals(leftOut) && (view.table().equals(before) || view.table().equals(now))) {
            names.add(name + " shows " + view.table());
          }
        });
    return names.isEmpty() ? "query the tables by their other names" : String.join(", ", names);
  }
}
