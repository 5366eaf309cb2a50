package dev.alcove.core.layout;

import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.io.PathTexts;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;

/**
 * Where everything of an alcove lives on disk; the one place that knows the layout of SPEC section
 * 1. Every path is derived from a validated {@link StepUri}, so none leaves the alcove.
 */
public record AlcoveLayout(Path root, String dataDirName) {

  public static final String SIDECAR_SUFFIX = ".meta.yaml";

  /**
   * Where built tables shipped with a project's artifact ({@code <resources>}) sit on its class
   * path, and in its jar: {@code alcove/<path>/<version>.parquet}.
   */
  public static final String CLASS_PATH_FOLDER = "alcove";

  public static final String PARQUET_SUFFIX = ".parquet";

  public AlcoveLayout {
    root = root.toAbsolutePath().normalize();
  }

  public static AlcoveLayout of(Path root, Catalogue catalogue) {
    return new AlcoveLayout(root, catalogue.dataDir());
  }

  public static AlcoveLayout withDefaults(Path root) {
    return new AlcoveLayout(root, Catalogue.DEFAULT_DATA_DIR);
  }

  public Path dataDir() {
    return root.resolve(dataDirName);
  }

  public Path snapshotsDir() {
    return dataDir().resolve("snapshots");
  }

  public Path tablesDir() {
    return dataDir().resolve("tables");
  }

  public Path dataGitignore() {
    return dataDir().resolve(".gitignore");
  }

  /** A file snapshot's data, e.g. {@code data/snapshots/countries/2024-07-26.csv}. */
  public Path snapshotFile(StepUri uri, String extension) {
    return snapshotsDir().resolve(uri.path() + extension);
  }

  /** A directory snapshot's data folder, e.g. {@code data/snapshots/images/2024-07-26}. */
  public Path snapshotDirectory(StepUri uri) {
    return snapshotsDir().resolve(uri.path());
  }

  public Path snapshotSidecar(StepUri uri) {
    return snapshotsDir().resolve(uri.path() + SIDECAR_SUFFIX);
  }

  public Path tableFile(StepUri uri) {
    return tablesDir().resolve(uri.path() + PARQUET_SUFFIX);
  }

  public Path tableSidecar(StepUri uri) {
    return tablesDir().resolve(uri.path() + SIDECAR_SUFFIX);
  }

  public Path sidecar(StepUri uri) {
    return uri.isSnapshot() ? snapshotSidecar(uri) : tableSidecar(uri);
  }

  /** Custom data tests' queries, {@code src/steps/tests/<name>.sql}. */
  public Path testsDir() {
    return root.resolve("src/steps/tests");
  }

  public Path stepsDir() {
    return root.resolve("src/steps/tables");
  }

  /** Build state only: manifest, stat cache, logs. Deleting it loses nothing but time. */
  public Path buildDir() {
    return root.resolve("target/alcove");
  }

  /** The path relative to the alcove root, with forward slashes, for messages and listings. */
  public String relative(Path path) {
    return PathTexts.relative(root, path);
  }
}
