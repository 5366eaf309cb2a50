package dev.alcove.core.run;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.duckdb.SqlScript;
import dev.alcove.core.errors.AlcoveException;
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

  SparkBuild(
      AlcoveLayout layout,
      RestoreSnapshot snapshots,
      Supplier<Depot> depot,
      Supplier<SparkSql> spark,
      AlcoveLog log) {
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
                            + " cannot take what a Spark server writes yet: use a local store"
                            + " that the server shares"));
    SparkSql session = spark.get();
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
          store.clusterLocation(adopted).orElseThrow(),
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
      output.discard();
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
   * A view over the input's object, read by the cluster from the store; an input that is only here
   * (a table built here and not pushed) is put into the store first.
   */
  private void register(
      SparkSql session, TableStep step, StepUri dep, String variable, ObjectStore store) {
    Checksum object;
    String format;
    Map<String, String> options = Map.of();
    Path local;
    if (dep.isSnapshot()) {
      SnapshotMetadata metadata = snapshots.metadata(dep);
      if (metadata.type() == SnapshotType.DIRECTORY) {
        throw new StepFailedException(
            step.uri
                + " runs on Spark and reads the folder snapshot "
                + dep
                + ": not yet possible");
      }
      object = metadata.checksum();
      String extension = metadata.extension().orElse("").toLowerCase(Locale.ROOT);
      if (extension.equals(".csv")) {
        format = "csv";
        options = Map.of("header", "true", "inferSchema", "true");
      } else if (extension.equals(".parquet")) {
        format = "parquet";
      } else {
        throw new StepFailedException(
            step.uri
                + " runs on Spark and reads "
                + dep
                + ", a '"
                + extension
                + "' file: Spark steps read CSV and Parquet snapshots");
      }
      local = snapshots.dataPath(metadata);
    } else {
      try {
        object = TableMetadata.read(layout.tableSidecar(dep), dep).checksum();
      } catch (NoSuchFileException e) {
        throw new StepFailedException(step.uri + " reads " + dep + ", which has no metadata");
      }
      format = "parquet";
      local = layout.tableFile(dep);
    }
    if (!store.contains(object)) {
      if (!Files.isRegularFile(local)) {
        throw new StepFailedException(
            step.uri
                + " runs on Spark and reads "
                + dep
                + ", which is neither here nor in the store");
      }
      log.info(
          "putting " + dep + " into " + store.describe() + ": the Spark server reads it there");
      store.put(object, local, TransferProgress.NONE);
    }
    String location =
        store
            .clusterLocation(object)
            .orElseThrow(
                () ->
                    new StepFailedException(
                        step.uri + " runs on Spark, which cannot read " + store.describe()));
    session.view(variable, location, format, options);
  }
}
