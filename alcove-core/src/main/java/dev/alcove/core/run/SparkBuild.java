package dev.alcove.core.run;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.duckdb.SqlScript;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.TextFiles;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.naming.TemplateVariables;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.run.runner.StepFailedException;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.spark.SparkSql;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.ObjectStore;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a Spark SQL step on the cluster: each input becomes a temporary view over its object in the
 * store, read there by the cluster; the result is written by the cluster into a folder of the store
 * and adopted as one object. Nothing of the data passes through this JVM but the adopted file's
 * checksum, which is read where the store keeps it.
 */
final class SparkBuild {

  private final AlcoveLayout layout;
  private final RestoreSnapshot snapshots;
  private final Supplier<Depot> depot;
  private final Supplier<SparkSql> spark;
  private final AlcoveLog log;
  private final FrontEnd frontEnd;

  SparkBuild(
      AlcoveLayout layout,
      RestoreSnapshot snapshots,
      Supplier<Depot> depot,
      Supplier<SparkSql> spark,
      AlcoveLog log,
      FrontEnd frontEnd) {
    this.frontEnd = frontEnd;
    this.layout = layout;
    this.snapshots = snapshots;
    this.depot = depot;
    this.spark = spark;
    this.log = log;
  }

  /**
   * What a build on the cluster made: the adopted object and its size, its rows and schema (in
   * DuckDB's type names, as every table's metadata holds them) as Spark reports them, and what its
   * data tests, run on Spark, found.
   */
  record Built(
      Checksum output,
      long bytes,
      long rows,
      Map<String, String> schema,
      List<dev.alcove.core.quality.TestFailure> failures) {}

  /**
   * Builds the table on the cluster, its object in the store, and runs its data tests there. One
   * table at a time: the session's views are named by the tables' variables, which two tables may
   * share; the cluster works in parallel within each.
   */
  synchronized Built build(TableStep step) {
    String file = layout.relative(step.definition);
    List<SqlScript.Statement> statements = statements(step, file);
    ObjectStore store = depot.get().store();
    ObjectStore.ClusterOutput output =
        store
            .clusterOutput()
            .orElseThrow(
                () ->
                    new AlcoveException(
                        step.uri
                            + " runs on Spark, and "
                            + store.describe()
                            + " cannot take what a Spark server writes: use a local store"
                            + " that the server shares, or an S3 store"));
    SparkSql session = spark.get();
    if (session.settings().storeAccess()) {
      session.configure(store.clusterAccess());
    }
    try {
      Map<String, String> views = new LinkedHashMap<>();
      step.inputs.forEach(
          (dep, variable) -> {
            register(session, step, dep, variable, store);
            views.put(variable, "`" + variable + "`");
          });
      SparkSql.Written written = null;
      for (int i = 0; i < statements.size(); i++) {
        String sql = sparkSql(statements.get(i).sql(), views);
        try {
          if (i < statements.size() - 1) {
            session.execute(sql);
          } else {
            written = session.write(sql, output.location());
          }
        } catch (AlcoveException e) {
          throw new StepFailedException(
              file + ":" + statements.get(i).line() + ": Spark: " + e.getMessage());
        }
      }
      log.info(
          String.format(
              Locale.ROOT,
              "Spark wrote %s: %d rows, %d columns",
              step.uri,
              written.rows(),
              written.schema().size()));
      Checksum adopted = output.adopt();
      Map<String, String> schema = SparkTypes.asDuckDb(written.schema());
      session.view(
          dev.alcove.core.quality.TestedTable.THIS,
          List.of(store.clusterLocation(adopted).orElseThrow()),
          "parquet",
          Map.of());
      List<dev.alcove.core.quality.TestFailure> failures;
      try {
        failures =
            dev.alcove.core.quality.TableChecks.run(
                new dev.alcove.core.quality.SparkTests(session),
                schema,
                step.config,
                // Every input is on the cluster, as the view of its variable.
                step.testInputs(dep -> java.util.Optional.of(Path.of(step.inputs.get(dep)))),
                layout.root(),
                layout.testsDir());
      } catch (java.sql.SQLException e) {
        throw new StepFailedException("cannot test " + step.uri + " on Spark: " + e.getMessage());
      }
      return new Built(adopted, store.size(adopted).orElse(0), written.rows(), schema, failures);
    } finally {
      discardQuietly(output, step);
    }
  }

  /** What the cluster wrote is removed; a failure to remove it never hides why the build failed. */
  private void discardQuietly(ObjectStore.ClusterOutput output, TableStep step) {
    try {
      output.discard();
    } catch (RuntimeException e) {
      log.warn(
          "cannot remove what Spark wrote for "
              + step.uri
              + " at "
              + output.location()
              + " ("
              + e.getMessage()
              + "): a later Spark build removes it once it is a day old");
    }
  }

  private List<SqlScript.Statement> statements(TableStep step, String file) {
    String text;
    try {
      text = TextFiles.readUtf8(step.definition, file);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + file, e);
    }
    List<SqlScript.Statement> statements = SqlScript.split(text);
    if (statements.isEmpty()) {
      throw new StepFailedException(file + ": the SQL file holds no statement");
    }
    try {
      TemplateVariables.requireKnown(
          file,
          statements,
          new java.util.TreeSet<>(step.inputs.values()),
          "each dependency's name, a view on Spark");
    } catch (AlcoveException e) {
      throw new StepFailedException(e.getMessage());
    }
    return statements;
  }

  /**
   * {@code {people}} (or {@code '{people}'}, as a DuckDB step writes it) becomes the view {@code
   * `people`}.
   */
  private static String sparkSql(String sql, Map<String, String> views) {
    String result = sql;
    for (Map.Entry<String, String> view : views.entrySet()) {
      result = result.replace("'{" + view.getKey() + "}'", view.getValue());
    }
    return TemplateVariables.substitute(result, views);
  }

  /**
   * A view over the input's objects (one, or a folder snapshot's files read as one table), read by
   * the cluster from the store; an object that is only here (a table built here and not pushed) is
   * put into the store first.
   */
  private void register(
      SparkSql session, TableStep step, StepUri dep, String variable, ObjectStore store) {
    Input input = dep.isSnapshot() ? snapshotInput(step, dep) : tableInput(step, dep);
    java.util.Set<Checksum> present =
        new java.util.HashSet<>(
            store.present(
                input.files().stream().map(Map.Entry::getKey).toList(),
                dev.alcove.core.concurrent.ThreadBudget.of(1)));
    List<String> locations = new java.util.ArrayList<>();
    boolean announced = false;
    for (Map.Entry<Checksum, Path> file : input.files()) {
      Checksum object = file.getKey();
      if (!present.contains(object)) {
        if (!Files.isRegularFile(file.getValue())) {
          throw new StepFailedException(
              step.uri
                  + " runs on Spark and reads "
                  + dep
                  + ", which is neither here nor in the store");
        }
        if (!announced) {
          log.info(
              "putting " + dep + " into " + store.describe() + ": the Spark server reads it there");
          announced = true;
        }
        store.upload(object, file.getValue(), TransferProgress.NONE);
        present.add(object);
      }
      locations.add(
          store
              .clusterLocation(object)
              .orElseThrow(
                  () ->
                      new StepFailedException(
                          step.uri + " runs on Spark, which cannot read " + store.describe())));
    }
    try {
      session.view(variable, locations, input.format(), input.options());
    } catch (AlcoveException e) {
      throw new StepFailedException(
          step.uri
              + " runs on Spark, which cannot read "
              + dep
              + " at "
              + (locations.size() == 1 ? locations.get(0) : locations.size() + " locations")
              + ": "
              + e.getMessage()
              + readAccessHint(store, session, frontEnd));
    }
  }

  /**
   * An input's files, each as its object and where it is here (a folder may hold one object twice,
   * and its rows count twice), and how Spark reads them.
   */
  private record Input(
      List<Map.Entry<Checksum, Path>> files, String format, Map<String, String> options) {}

  private Input tableInput(TableStep step, StepUri dep) {
    Checksum object;
    try {
      object = TableMetadata.read(layout.tableSidecar(dep), dep).checksum();
    } catch (NoSuchFileException e) {
      throw new StepFailedException(step.uri + " reads " + dep + ", which has no metadata");
    }
    return new Input(List.of(Map.entry(object, layout.tableFile(dep))), "parquet", Map.of());
  }

  /**
   * A file snapshot, or a folder snapshot whose files are all of one format: a folder is read as
   * one table, as Spark reads a folder of part files.
   */
  private Input snapshotInput(TableStep step, StepUri dep) {
    SnapshotMetadata metadata = snapshots.metadata(dep);
    Path data = snapshots.dataPath(metadata);
    List<Map.Entry<Checksum, Path>> files = new java.util.ArrayList<>();
    java.util.Set<String> extensions = new java.util.TreeSet<>();
    if (metadata.type() == SnapshotType.DIRECTORY) {
      metadata
          .manifest()
          .orElseThrow()
          .entries()
          .forEach(
              (path, object) -> {
                files.add(Map.entry(object, data.resolve(path)));
                extensions.add(extensionOf(path));
              });
      if (files.isEmpty()) {
        throw new StepFailedException(
            step.uri + " runs on Spark and reads the folder snapshot " + dep + ", which is empty");
      }
    } else {
      files.add(Map.entry(metadata.checksum(), data));
      extensions.add(metadata.extension().orElse("").toLowerCase(Locale.ROOT));
    }
    if (extensions.equals(java.util.Set.of(".csv"))) {
      return new Input(files, "csv", Map.of("header", "true", "inferSchema", "true"));
    }
    if (extensions.equals(java.util.Set.of(".parquet"))) {
      return new Input(files, "parquet", Map.of());
    }
    throw new StepFailedException(
        step.uri
            + " runs on Spark and reads "
            + dep
            + (metadata.type() == SnapshotType.DIRECTORY ? ", a folder of " : ", a ")
            + String.join(", ", extensions.stream().map(e -> "'" + e + "'").toList())
            + " file"
            + (metadata.type() == SnapshotType.DIRECTORY ? "s" : "")
            + ": Spark steps read CSV and Parquet snapshots, a folder's files all of one of them");
  }

  private static String extensionOf(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
  }

  /** What the cluster needs to reach an S3 store, when it is not handed the store's keys. */
  private static String readAccessHint(ObjectStore store, SparkSql session, FrontEnd frontEnd) {
    if (store.clusterAccess().isEmpty() || session.settings().storeAccess()) {
      return "";
    }
    return " (the server reads the store through S3A: it needs hadoop-aws and access to the"
        + " bucket, or "
        + frontEnd.set(Setting.SPARK_STORE_ACCESS, "true")
        + " to hand it this store's settings)";
  }
}
