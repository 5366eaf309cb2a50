package dev.alcove.core.audit;

import dev.alcove.core.Alcove;
import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.StatCache;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.duckdb.ParquetInspector;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the checks of one audit share: the alcove, its options, the stat cache and the snapshots'
 * reader, the store's answer asked once in bulk, one DuckDB for every table's data tests, and what
 * the checks found that later ones need (the files and data entries the steps own).
 */
final class AuditScope implements AutoCloseable {

  final GoalContext context;
  final Alcove alcove;
  final AlcoveLayout layout;
  final AuditOptions options;
  final StatCache statCache;
  final RestoreSnapshot snapshots;

  /** Files the steps own: anything else under the data folders is an orphan. */
  final Set<Path> owned = new HashSet<>();

  /** The data entries of the snapshots, as the git ignore files list them. */
  final Set<String> snapshotEntries = new LinkedHashSet<>();

  /** The step graph, or why the catalogue's dependencies do not make one. */
  private final Optional<StepGraph> graph;

  private final Optional<String> graphProblem;

  /** Where the tables' data is: here, or left in the store by a run. */
  final TableData tableData;

  private Optional<Remote> remote = Optional.empty();
  private ParquetInspector inspector;

  AuditScope(GoalContext context, Alcove alcove, AuditOptions options) {
    this.context = context;
    this.alcove = alcove;
    this.layout = alcove.layout();
    this.options = options;
    this.statCache = StatCache.load(layout.buildDir());
    this.snapshots = new RestoreSnapshot(context, layout, statCache);
    this.tableData = TableData.of(layout, context);
    Optional<StepGraph> built = Optional.empty();
    Optional<String> problem = Optional.empty();
    try {
      built = Optional.of(StepGraph.of(alcove.catalogue()));
    } catch (AlcoveException e) {
      problem = Optional.of(e.getMessage());
    }
    this.graph = built;
    this.graphProblem = problem;
  }

  /** The step graph, or empty when the catalogue's dependencies do not resolve. */
  Optional<StepGraph> graph() {
    return graph;
  }

  /** Why there is no step graph: an unknown dependency or a cycle, named. */
  Optional<String> graphProblem() {
    return graphProblem;
  }

  /** The store, and which of the objects the snapshots and the tables left there name it holds. */
  record Remote(Depot depot, Set<Checksum> present, Map<StepUri, SnapshotMetadata> sidecars) {}

  /**
   * Asks the store once, in bulk, for every object of every snapshot (a listing where there are
   * many), rather than snapshot by snapshot. The sidecars read for it are kept, so that each
   * snapshot's own check does not parse its sidecar (a large folder's manifest) a second time.
   */
  Remote remote() {
    if (remote.isEmpty()) {
      Depot depot = context.depot();
      Set<Checksum> named = new LinkedHashSet<>();
      Map<StepUri, SnapshotMetadata> sidecars = new HashMap<>();
      for (StepUri uri : alcove.catalogue().steps().keySet()) {
        if (uri.isSnapshot()) {
          try {
            SnapshotMetadata.readIfExists(layout.snapshotSidecar(uri), uri)
                .ifPresent(
                    metadata -> {
                      sidecars.put(uri, metadata);
                      named.addAll(metadata.objects());
                    });
          } catch (AlcoveException e) {
            // The snapshot's own check reads it again and reports it.
          }
        } else {
          tableData.inStore(uri).ifPresent(stored -> named.add(stored.output()));
        }
      }
      remote =
          Optional.of(
              new Remote(depot, depot.store().present(named, context.transfers()), sidecars));
    }
    return remote.get();
  }

  /** One DuckDB for the whole audit: opened for the first built table, closed with the scope. */
  ParquetInspector inspector() throws SQLException {
    if (inspector == null) {
      inspector = new ParquetInspector();
    }
    return inspector;
  }

  static Path normalised(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** Saves the stat cache and closes DuckDB. */
  @Override
  public void close() {
    statCache.save();
    if (inspector != null) {
      try {
        inspector.close();
      } catch (SQLException e) {
        // Nothing was written through it: closing an in-memory database cannot lose anything.
      }
      inspector = null;
    }
  }
}
