package dev.alcove.core.diff;

import dev.alcove.core.Alcove;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.DirectoryManifest;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.metadata.TableHistory;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code diff}: what changed from one version of a snapshot or table to another. Tabular data
 * (Parquet, CSV, JSON lines) is compared in DuckDB; two folder snapshots by their manifests,
 * without reading a file. Data that is not here is fetched first, verified, as any reader does.
 */
public final class DiffVersions {

  private final GoalContext context;
  private final Alcove alcove;

  public DiffVersions(GoalContext context, Alcove alcove) {
    this.context = context;
    this.alcove = alcove;
  }

  public DiffReport diff(String fromText, String toText, List<String> keys) {
    StepUri from = resolve(fromText, Setting.FROM);
    StepUri to = resolve(toText, Setting.TO);
    AlcoveLayout layout = alcove.layout();
    // As a run checks them: a version's data unchanged since it was last hashed is not read again.
    dev.alcove.core.checksum.StatCache statCache =
        dev.alcove.core.checksum.StatCache.load(layout.buildDir());
    DuckDb.preload(context.workers());
    RestoreSnapshot snapshots = new RestoreSnapshot(context, layout, statCache);
    if (from.isSnapshot() && to.isSnapshot()) {
      SnapshotMetadata a = snapshots.metadata(from);
      SnapshotMetadata b = snapshots.metadata(to);
      if (a.type() == SnapshotType.DIRECTORY && b.type() == SnapshotType.DIRECTORY) {
        return files(from, a.manifest().orElseThrow(), to, b.manifest().orElseThrow());
      }
    }
    TableData tables = TableData.of(layout, context);
    String a = relation(from, snapshots, tables);
    String b = relation(to, snapshots, tables);
    statCache.save();
    try (Connection connection = DuckDb.inMemory()) {
      return new TabularDiff(connection).compare(from.toString(), a, to.toString(), b, keys);
    } catch (SQLException e) {
      throw new AlcoveException(
          "cannot compare " + from + " with " + to + ": " + DuckDb.message(e));
    }
  }

  /**
   * A table against its previous output here (the last one in the table history that is not the
   * current one), fetched from the local cache or the store where built tables are pushed.
   */
  public DiffReport previous(String tableText, List<String> keys) {
    StepUri table = resolve(tableText, Setting.PREVIOUS);
    if (!table.isTable()) {
      throw new AlcoveException(
          table
              + " is a snapshot: compare two of its versions with "
              + context.frontEnd().set(Setting.FROM, "<uri>")
              + " and "
              + context.frontEnd().set(Setting.TO, "<uri>"));
    }
    AlcoveLayout layout = alcove.layout();
    Checksum current =
        dev.alcove.core.metadata.TableMetadata.readIfExists(layout.tableSidecar(table), table)
            .map(dev.alcove.core.metadata.TableMetadata::checksum)
            .orElseThrow(
                () ->
                    new AlcoveException(
                        table + " is not built here: run " + context.frontEnd().run(Goal.RUN)));
    List<TableHistory.Build> builds = TableHistory.of(layout.buildDir(), table);
    TableHistory.Build previous = null;
    for (TableHistory.Build build : builds) {
      if (!build.output().equals(current)) {
        previous = build;
      }
    }
    if (previous == null) {
      throw new AlcoveException(
          table
              + " has no earlier output recorded here ("
              + layout.relative(layout.buildDir().resolve(TableHistory.FILE_NAME))
              + ")");
    }
    return EarlierOutput.againstNow(
        context,
        layout,
        table,
        previous.output(),
        table + " as built " + previous.finished(),
        table + " now",
        keys);
  }

  private StepUri resolve(String text, Setting setting) {
    if (text == null || text.isBlank()) {
      throw new AlcoveException(
          "diff needs two versions: set "
              + context.frontEnd().set(Setting.FROM, "<uri>")
              + " and "
              + context.frontEnd().set(Setting.TO, "<uri>"));
    }
    StepUri uri;
    try {
      uri = StepUri.parse(text.strip());
    } catch (AlcoveException e) {
      throw new AlcoveException(context.frontEnd().set(setting, text) + ": " + e.getMessage());
    }
    return alcove
        .catalogue()
        .resolve(uri)
        .filter(alcove.catalogue()::contains)
        .orElseThrow(
            () ->
                new AlcoveException(
                    context.frontEnd().set(setting, uri.toString())
                        + " is not a step of the catalogue ("
                        + context.frontEnd().run(dev.alcove.core.frontend.Goal.LIST)
                        + " lists them)"));
  }

  /** The version's data as DuckDB reads it, fetched first when it is not here. */
  private String relation(StepUri uri, RestoreSnapshot snapshots, TableData tables) {
    if (uri.isTable()) {
      return DuckDb.readParquet(tables.local(uri, "the diff"));
    }
    SnapshotMetadata metadata = snapshots.metadata(uri);
    if (metadata.type() == SnapshotType.DIRECTORY) {
      throw new AlcoveException(
          uri + " is a folder: diff compares a folder with a folder, file by file");
    }
    if (snapshots.problem(metadata).isPresent()) {
      context.log().info("fetching " + uri + " from the store: the diff reads it");
      snapshots.restore(metadata, context.depot());
    }
    Path data = snapshots.dataPath(metadata);
    String path = DuckDb.literal(data.toString());
    String extension = metadata.extension().orElse("").toLowerCase(Locale.ROOT);
    return switch (extension) {
      case ".parquet" -> "read_parquet(" + path + ")";
      case ".csv", ".tsv", ".txt" -> "read_csv(" + path + ")";
      case ".json", ".jsonl", ".ndjson" -> "read_json(" + path + ")";
      default ->
          throw new AlcoveException(
              uri
                  + " is a '"
                  + extension
                  + "' file: diff compares Parquet, CSV and JSON lines data; for any other file,"
                  + " its checksum says whether it changed");
    };
  }

  /** Two folders by their manifests: no file is read. */
  private static DiffReport files(
      StepUri from, DirectoryManifest before, StepUri to, DirectoryManifest after) {
    DirectoryManifest.Changes changes = before.changesTo(after);
    List<String> added = changes.added();
    List<String> removed = changes.removed();
    List<String> changed = changes.changed();
    Map<String, List<String>> samples = new LinkedHashMap<>();
    samples.put("added", added.stream().limit(5).toList());
    samples.put("removed", removed.stream().limit(5).toList());
    samples.put("changed", changed.stream().limit(5).toList());
    return new DiffReport(
        from.toString(),
        to.toString(),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        before.size(),
        after.size(),
        added.size(),
        removed.size(),
        changed.size(),
        Map.of(),
        Map.of(),
        samples,
        true);
  }
}
