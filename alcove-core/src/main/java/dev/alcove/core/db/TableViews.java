package dev.alcove.core.db;

import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.frontend.SettingChoices;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.naming.ShortNames;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

    public static Names parse(String text, FrontEnd frontEnd) {
      return SettingChoices.parse(Names.class, Setting.NAMES, text, frontEnd);
    }
  }

  /**
   * A view: the table it shows and that table's Parquet file, which may still be in the store
   * ({@code local} false), to be fetched when something reads it.
   */
  public record View(StepUri table, Path file, boolean local) {}

  private TableViews() {}

  /** View name to table, for every table that has been built, here or in the store. */
  public static Map<String, View> of(
      Catalogue catalogue, AlcoveLayout layout, TableData data, Names names) {
    List<StepUri> built =
        catalogue.steps().keySet().stream()
            .filter(StepUri::isTable)
            .filter(uri -> data.where(uri) != TableData.Where.MISSING)
            .toList();
    Map<StepUri, String> aliases = ShortNames.of(built);
    Map<String, View> views = new LinkedHashMap<>();
    Map<String, StepUri> owners = new HashMap<>();
    for (StepUri uri : built) {
      View view = new View(uri, layout.tableFile(uri), data.where(uri) == TableData.Where.LOCAL);
      if (names != Names.FULL) {
        add(views, owners, ShortNames.identifier(aliases.get(uri)), view);
      }
      if (names != Names.SHORT) {
        add(views, owners, ShortNames.identifier(ShortNames.fullName(uri)), view);
      }
    }
    return views;
  }

  /** Adds a view; two tables under one name would silently lose one of them, so that is refused. */
  private static void add(
      Map<String, View> views, Map<String, StepUri> owners, String name, View view) {
    StepUri uri = view.table();
    StepUri owner = owners.putIfAbsent(name, uri);
    if (owner != null && !owner.equals(uri)) {
      throw new AlcoveException(
          "tables "
              + owner
              + " and "
              + uri
              + " would both be the view "
              + name
              + " ('/' and '-' become '_'): rename one of them so that their names differ in"
              + " letters or digits");
    }
    views.put(name, view);
  }
}
