package dev.alcove.core.audit;

import dev.alcove.core.Alcove;
import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.StatCache;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.duckdb.ParquetInspector;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.io.AlcoveLock;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.layout.DataGitignore;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.naming.ShortNames;
import dev.alcove.core.naming.TemplateVariables;
import dev.alcove.core.run.BuiltTableTests;
import dev.alcove.core.run.runner.StepKinds;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.table.StepDefinitions;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code audit}, alcove's {@code git fsck}: checks the catalogue, every sidecar and the local data
 * against them, the dependency graph and the git ignore files, reporting every problem found. Data
 * is checked through the stat cache, so an unchanged alcove audits without reading it.
 */
public final class Audit {

  private final Path root;
  private final AuditOptions options;
  private final GitIgnores gitIgnores;

  private final GoalContext context;

  public Audit(GoalContext context, Path root, AuditOptions options) {
    this.context = context;
    this.root = root.toAbsolutePath().normalize();
    this.options = options;
    this.gitIgnores = new GitIgnores(this.root, options.fix());
  }

  /**
   * Audits the alcove with the given pom-declared steps; a catalogue that cannot be read is one
   * error. It holds the alcove's lock, as it writes build state (and, fixing, the alcove's files),
   * and so reads nothing that a run is half-way through changing.
   */
  public List<Finding> run(List<StepDeclaration> declaredSteps) {
    if (!CatalogueFile.exists(root)) {
      Alcove.open(root, declaredSteps); // fails, saying how to create an alcove
    }
    try (AlcoveLock lock =
        AlcoveLock.acquire(AlcoveLayout.withDefaults(root).buildDir(), context.log())) {
      return runUnderLock(declaredSteps);
    }
  }

  private List<Finding> runUnderLock(List<StepDeclaration> declaredSteps) {
    List<Finding> findings = new ArrayList<>();
    Alcove alcove;
    try {
      alcove = Alcove.open(root, declaredSteps);
    } catch (AlcoveException e) {
      if (!CatalogueFile.exists(root)) {
        throw e;
      }
      findings.add(Finding.error(CatalogueFile.FILE_NAME, e.getMessage()));
      return findings;
    }
    AlcoveLayout layout = alcove.layout();
    StepGraph graph = null;
    try {
      graph = StepGraph.of(alcove.catalogue());
      findings.add(
          Finding.ok(
              CatalogueFile.FILE_NAME,
              alcove.catalogue().steps().size() + " steps, dependencies resolve, no cycle"));
      if (!alcove.catalogue().dataDir().equals(Catalogue.DEFAULT_DATA_DIR)) {
        findings.add(
            Finding.warning(
                CatalogueFile.FILE_NAME,
                "data_dir is '"
                    + alcove.catalogue().dataDir()
                    + "': the Python tool ignores data_dir and looks for the data in "
                    + Catalogue.DEFAULT_DATA_DIR
                    + "/"));
      }
      if (!alcove.fileCatalogue().datasets().isEmpty()) {
        findings.add(
            Finding.warning(
                CatalogueFile.FILE_NAME,
                "declares datasets under '"
                    + CatalogueFile.DATASETS
                    + "', which the Python tool refuses (its catalogue holds only version,"
                    + " data_dir and steps): for an alcove shared with it, declare them in the"
                    + " pom"));
      }
    } catch (AlcoveException e) {
      findings.add(Finding.error(CatalogueFile.FILE_NAME, e.getMessage()));
    }
    StatCache statCache = StatCache.load(layout.buildDir());
    RestoreSnapshot snapshots = new RestoreSnapshot(context, layout, statCache);
    Set<String> snapshotEntries = new LinkedHashSet<>();
    Set<Path> owned = new java.util.HashSet<>();
    Optional<Remote> remote =
        options.remote() ? Optional.of(remote(alcove, layout)) : Optional.empty();
    try {
      for (StepUri uri : alcove.catalogue().steps().keySet()) {
        owned.add(normalised(layout.sidecar(uri)));
        if (uri.isTable()) {
          owned.add(normalised(layout.tableFile(uri)));
        }
        if (uri.isSnapshot()) {
          findings.addAll(auditSnapshot(layout, snapshots, uri, snapshotEntries, owned, remote));
        } else {
          findings.addAll(auditTable(alcove, snapshots, statCache, uri));
          if (options.pythonCompatible()) {
            findings.addAll(pythonCannotBuild(alcove, uri));
          }
        }
      }
    } finally {
      statCache.save();
      closeInspector();
    }
    if (graph != null) {
      findings.addAll(LicenceLineage.check(alcove, graph, options.strict()));
    }
    findings.addAll(gitIgnores.audit(layout, snapshotEntries));
    findings.addAll(Orphans.find(layout, owned, snapshotEntries));
    return findings;
  }

  /** The store, and which of the objects the snapshots name it holds. */
  private record Remote(
      Depot depot, Set<Checksum> present, Map<StepUri, SnapshotMetadata> sidecars) {}

  /**
   * Asks the store once, in bulk, for every object of every snapshot (a listing where there are
   * many), rather than snapshot by snapshot. The sidecars read for it are kept, so that each
   * snapshot's own check does not parse its sidecar (a large folder's manifest) a second time.
   */
  private Remote remote(Alcove alcove, AlcoveLayout layout) {
    Depot depot = context.depot();
    Set<Checksum> named = new LinkedHashSet<>();
    Map<StepUri, SnapshotMetadata> sidecars = new java.util.HashMap<>();
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
      }
    }
    return new Remote(depot, depot.store().present(named, context.transfers()), sidecars);
  }

  private List<Finding> auditSnapshot(
      AlcoveLayout layout,
      RestoreSnapshot snapshots,
      StepUri uri,
      Set<String> entries,
      Set<Path> owned,
      Optional<Remote> remote) {
    String subject = uri.toString();
    Path sidecar = layout.snapshotSidecar(uri);
    SnapshotMetadata metadata;
    try {
      Optional<SnapshotMetadata> read = remote.map(r -> r.sidecars().get(uri));
      metadata = read.isPresent() ? read.get() : SnapshotMetadata.read(sidecar, uri);
    } catch (NoSuchFileException e) {
      return List.of(
          Finding.error(
              subject, "no sidecar " + layout.relative(sidecar) + ": take the snapshot again"));
    } catch (AlcoveException e) {
      return List.of(Finding.error(subject, e.getMessage()));
    }
    Path data = snapshots.dataPath(metadata);
    owned.add(normalised(data));
    entries.add(
        DataGitignore.snapshotEntry(layout, data, metadata.type() == SnapshotType.DIRECTORY));
    List<Finding> findings = new ArrayList<>();
    if (metadata.type() == SnapshotType.DIRECTORY) {
      Checksum fromManifest = metadata.manifest().orElseThrow().checksum();
      if (!fromManifest.equals(metadata.checksum())) {
        if (options.fix()) {
          metadata.withChecksum(fromManifest).write(sidecar);
          findings.add(
              Finding.fixed(
                  subject,
                  "checksum in " + layout.relative(sidecar) + " recomputed from its manifest"));
          metadata = metadata.withChecksum(fromManifest);
        } else {
          findings.add(
              Finding.error(
                  subject,
                  "checksum in "
                      + layout.relative(sidecar)
                      + " is not that of its manifest (fix with "
                      + FrontEnd.words().set(Setting.FIX, "true")
                      + ")"));
        }
      }
    }
    if (Files.exists(data)) {
      Optional<String> problem = snapshots.problem(metadata);
      problem.ifPresent(
          p ->
              findings.add(
                  Finding.error(
                      subject,
                      p
                          + " in "
                          + layout.relative(data)
                          + ": "
                          + FrontEnd.words().run(Goal.RUN)
                          + " restores it from the store")));
    }
    for (String field : List.of("license", "source_url")) {
      if (metadata.descriptive().get(field) == null) {
        String message = "no " + field + " in " + layout.relative(sidecar);
        findings.add(
            options.strict() ? Finding.error(subject, message) : Finding.warning(subject, message));
      }
    }
    for (String field : List.of("source_url", "license_url")) {
      String url = metadata.descriptive().get(field);
      if (url != null && !url.matches("(?i)https?://\\S+")) {
        // The Python tool's schema refuses the whole sidecar for it.
        String message =
            field + " '" + url + "' in " + layout.relative(sidecar) + " is not an http(s) URL";
        findings.add(
            options.strict() ? Finding.error(subject, message) : Finding.warning(subject, message));
      }
    }
    if (remote.isPresent()) {
      Depot depot = remote.get().depot();
      List<Checksum> objects = metadata.objects();
      long missing = objects.stream().filter(sum -> !remote.get().present().contains(sum)).count();
      if (missing > 0) {
        findings.add(
            Finding.error(
                subject,
                missing
                    + " of "
                    + objects.size()
                    + " objects missing from "
                    + depot.describe()
                    + (depot.remote()
                        ? ": "
                            + FrontEnd.words().run(Goal.PUSH)
                            + " uploads them from the local data or the local store"
                        : "")));
      }
    }
    if (findings.stream().noneMatch(f -> f.severity() != Finding.Severity.OK)) {
      findings.add(
          Files.exists(data) ? Finding.ok(subject) : Finding.ok(subject, "data not restored here"));
    }
    return findings;
  }

  private static Path normalised(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** SQL the Python tool cannot fill in: braces other than the dependency variables. */
  private static List<Finding> pythonCannotBuild(Alcove alcove, StepUri uri) {
    Optional<Path> definition;
    try {
      definition = StepDefinitions.find(alcove.layout(), uri);
    } catch (AlcoveException e) {
      return List.of();
    }
    if (definition.isEmpty() || StepKinds.of(definition.get()) != StepKinds.SQL) {
      return List.of();
    }
    String text;
    try {
      text = Files.readString(definition.get());
    } catch (java.io.IOException e) {
      return List.of();
    }
    List<String> variables =
        List.copyOf(ShortNames.of(alcove.catalogue().dependencies(uri)).values());
    return TemplateVariables.foreignBraces(text, variables).stream()
        .map(
            where ->
                Finding.warning(
                    uri.toString(),
                    alcove.layout().relative(definition.get())
                        + " "
                        + where
                        + ": the Python tool fills SQL in with str.format, which takes every"
                        + " brace for a variable; keep only dependency variables in braces"))
        .toList();
  }

  private List<Finding> auditTable(
      Alcove alcove, RestoreSnapshot snapshots, StatCache statCache, StepUri uri) {
    AlcoveLayout layout = alcove.layout();
    String subject = uri.toString();
    try {
      if (StepDefinitions.find(layout, uri).isEmpty()) {
        return List.of(
            Finding.error(subject, "no definition under " + layout.relative(layout.stepsDir())));
      }
    } catch (AlcoveException e) {
      return List.of(Finding.error(subject, e.getMessage()));
    }
    Path parquet = layout.tableFile(uri);
    Optional<TableMetadata> metadata;
    try {
      metadata = TableMetadata.readIfExists(layout.tableSidecar(uri), uri);
    } catch (AlcoveException e) {
      return List.of(Finding.error(subject, e.getMessage()));
    }
    if (!Files.isRegularFile(parquet)) {
      return List.of(Finding.ok(subject, "not built here"));
    }
    if (metadata.isEmpty()) {
      return List.of(
          Finding.error(
              subject,
              "no metadata for "
                  + layout.relative(parquet)
                  + ": "
                  + FrontEnd.words().run(Goal.RUN)
                  + " rebuilds it"));
    }
    if (!statCache.checksum(parquet).equals(metadata.get().checksum())) {
      return List.of(
          Finding.error(
              subject,
              layout.relative(parquet)
                  + " was modified since it was built: "
                  + FrontEnd.words().run(Goal.RUN)
                  + " rebuilds it"));
    }
    List<Finding> tests = dataTests(alcove, snapshots, uri);
    return tests.isEmpty() ? List.of(Finding.ok(subject)) : tests;
  }

  /** One DuckDB for the whole audit: opened for the first built table, closed at the end. */
  private ParquetInspector inspector;

  /** The table's data tests against its data as built, one finding for each failure. */
  private List<Finding> dataTests(Alcove alcove, RestoreSnapshot snapshots, StepUri uri) {
    String subject = uri.toString();
    try {
      if (inspector == null) {
        inspector = new ParquetInspector();
      }
      return BuiltTableTests.run(alcove, uri, snapshots, inspector).stream()
          .map(
              failure ->
                  failure.isError()
                      ? Finding.error(subject, "data test failed: " + failure)
                      : Finding.warning(subject, "data test: " + failure))
          .toList();
    } catch (AlcoveException e) {
      return List.of(Finding.error(subject, e.getMessage()));
    } catch (SQLException e) {
      return List.of(
          Finding.error(
              subject,
              "cannot read "
                  + alcove.layout().relative(alcove.layout().tableFile(uri))
                  + ": "
                  + DuckDb.message(e)));
    }
  }

  private void closeInspector() {
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
