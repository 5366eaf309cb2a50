package dev.alcove.core.db;

import dev.alcove.core.AlcoveException;
import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.naming.ShortNames;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names under which {@code db} and {@code export-duckdb} show built tables: the full snake-case
 * name ({@code a_b_c_20240726}), the shortest unique alias ({@code c}), or both.
 */
public final class TableViews {

  /** Which names to create. */
  public enum Names {
    SHORT,
    FULL,
    BOTH;

    public static Names parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new AlcoveException("alcove.names=" + text + " is not one of short, full, both");
      }
    }
  }

  private TableViews() {}

  /** View name to Parquet file, for every table that has been built, ordered by name. */
  public static Map<String, Path> of(Catalogue catalogue, AlcoveLayout layout, Names names) {
    List<StepUri> built =
        catalogue.steps().keySet().stream()
            .filter(StepUri::isTable)
            .filter(uri -> Files.isRegularFile(layout.tableFile(uri)))
            .toList();
    Map<StepUri, String> aliases = ShortNames.of(built);
    Map<String, Path> views = new LinkedHashMap<>();
    for (StepUri uri : built) {
      Path file = layout.tableFile(uri);
      if (names != Names.FULL) {
        views.put(ShortNames.identifier(aliases.get(uri)), file);
      }
      if (names != Names.SHORT) {
        views.put(ShortNames.identifier(ShortNames.fullName(uri)), file);
      }
    }
    return views;
  }
}
