package dev.alcove.core.catalogue;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.uri.StepUri;
import dev.alcove.core.yaml.YamlFiles;
import dev.alcove.core.yaml.YamlMap;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads and writes {@code alcove.yaml}, the catalogue, in the Python tool's format. */
public final class CatalogueFile {

  public static final String FILE_NAME = "alcove.yaml";
  public static final int FORMAT_VERSION = 1;

  /** Datasets declared with their sources (this plugin; the Python tool refuses the key). */
  public static final String DATASETS = "datasets";

  /** The fields of a declared dataset, as a sidecar names them. */
  public static final List<String> DATASET_FIELDS =
      List.of(
          "url", "sha256", "license", "license_url", "source_name", "source_url", "description");

  private CatalogueFile() {}

  public static Path path(Path alcoveRoot) {
    return alcoveRoot.resolve(FILE_NAME);
  }

  public static boolean exists(Path alcoveRoot) {
    return Files.isRegularFile(path(alcoveRoot));
  }

  public static Catalogue read(Path alcoveRoot) {
    return read(alcoveRoot, FrontEnd.NEUTRAL);
  }

  /** Reads {@code alcove.yaml}; a missing one says, in {@code frontEnd}'s words, to run init. */
  public static Catalogue read(Path alcoveRoot, FrontEnd frontEnd) {
    return parse(alcoveRoot, bytes(alcoveRoot, frontEnd));
  }

  /**
   * The bytes of {@code alcove.yaml}; a missing one says, in {@code frontEnd}'s words, to run init.
   */
  public static byte[] bytes(Path alcoveRoot, FrontEnd frontEnd) {
    try {
      return YamlFiles.readBytes(path(alcoveRoot));
    } catch (NoSuchFileException e) {
      throw new AlcoveException(
          "no "
              + FILE_NAME
              + " in "
              + alcoveRoot
              + ": run "
              + frontEnd.run(Goal.INIT)
              + " to create an alcove");
    }
  }

  /** The catalogue in {@code bytes}, read from the alcove's {@code alcove.yaml}. */
  public static Catalogue parse(Path alcoveRoot, byte[] bytes) {
    Path file = path(alcoveRoot);
    YamlMap yaml = YamlFiles.parseMapping(bytes, file);
    long version =
        yaml.integer("version")
            .orElseThrow(() -> yaml.error("version", "'version' is missing (expected version: 1)"));
    if (version != FORMAT_VERSION) {
      throw yaml.error(
          "version",
          "catalogue format version "
              + version
              + " is not supported by this alcove (expected "
              + FORMAT_VERSION
              + ")");
    }
    String dataDir = yaml.string("data_dir").orElse(Catalogue.DEFAULT_DATA_DIR);
    requireSafeDataDir(yaml, dataDir);
    for (String key : yaml.keys()) {
      if (!List.of("version", "data_dir", "steps", DATASETS).contains(key)) {
        throw yaml.error(
            key, "unknown key '" + key + "' (expected version, data_dir, steps, " + DATASETS + ")");
      }
    }
    Map<String, Map<String, String>> datasets = new LinkedHashMap<>();
    yaml.map(DATASETS)
        .ifPresent(
            declared -> {
              for (String name : declared.keys()) {
                YamlMap fields =
                    declared
                        .map(name)
                        .orElseThrow(
                            () -> declared.error(name, "dataset " + name + " needs a url"));
                Map<String, String> values = new LinkedHashMap<>();
                for (String field : fields.keys()) {
                  if (!DATASET_FIELDS.contains(field)) {
                    throw fields.error(
                        field,
                        "unknown field '"
                            + field
                            + "' of dataset "
                            + name
                            + " (expected "
                            + String.join(", ", DATASET_FIELDS)
                            + ")");
                  }
                  values.put(field, fields.requireString(field));
                }
                datasets.put(name, values);
              }
            });
    TreeMap<StepUri, List<StepUri>> steps = new TreeMap<>();
    yaml.map("steps")
        .ifPresent(
            stepsYaml -> {
              for (String key : stepsYaml.keys()) {
                StepUri uri = parseUri(stepsYaml, key, key);
                List<StepUri> deps = new ArrayList<>();
                for (String dep : stepsYaml.stringList(key)) {
                  deps.add(parseUri(stepsYaml, key, dep));
                }
                if (steps.put(uri, deps) != null) {
                  throw stepsYaml.error(key, "step " + uri + " is listed twice");
                }
              }
            });
    Catalogue catalogue = new Catalogue(dataDir, steps, datasets);
    catalogue.validate(file.toString());
    return catalogue;
  }

  private static StepUri parseUri(YamlMap yaml, String key, String text) {
    try {
      return StepUri.parse(text);
    } catch (AlcoveException e) {
      throw yaml.error(key, e.getMessage());
    }
  }

  private static void requireSafeDataDir(YamlMap yaml, String dataDir) {
    Path path = Path.of(dataDir).normalize();
    if (dataDir.isBlank() || path.isAbsolute() || path.startsWith("..") || dataDir.contains("\\")) {
      throw yaml.error(
          "data_dir", "data_dir '" + dataDir + "' must be a folder inside the alcove, e.g. data");
    }
  }

  /**
   * Writes the catalogue atomically, steps sorted by URI, as the Python tool does. Only {@code
   * AlcoveEdit}, the facade's editor, calls this, under the alcove's lock.
   */
  public static void write(Path alcoveRoot, Catalogue catalogue) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("version", FORMAT_VERSION);
    document.put("data_dir", catalogue.dataDir());
    Map<String, List<String>> steps = new LinkedHashMap<>();
    catalogue
        .steps()
        .forEach(
            (uri, deps) ->
                steps.put(uri.toString(), deps.stream().map(StepUri::toString).sorted().toList()));
    document.put("steps", steps);
    if (!catalogue.datasets().isEmpty()) {
      document.put(DATASETS, catalogue.datasets());
    }
    YamlFiles.write(path(alcoveRoot), document);
  }
}
