package dev.alcove.core.metadata;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.DirectoryManifest;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.uri.StepUri;
import dev.alcove.core.yaml.YamlMap;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A snapshot's sidecar, {@code data/snapshots/<path>.meta.yaml} (SPEC section 5). */
public record SnapshotMetadata(
    StepUri uri,
    Checksum checksum,
    SnapshotType type,
    Optional<String> extension,
    Optional<DirectoryManifest> manifest,
    DescriptiveFields descriptive,
    Map<String, Object> extra) {

  public static final int FORMAT_VERSION = SidecarFields.FORMAT_VERSION;

  /**
   * One dot and one name at most, as Python's {@code Path.suffix} gives: a second dot could make
   * the data path another file of the alcove ({@code extension: .meta.yaml} is the sidecar itself).
   */
  private static final Pattern EXTENSION = Pattern.compile("(\\.[A-Za-z0-9_-]+)?");

  private static final List<String> STRUCTURAL =
      List.of("version", "uri", "checksum", "snapshot_type", "extension", "manifest");

  public SnapshotMetadata {
    extra = Map.copyOf(new LinkedHashMap<>(extra));
  }

  public static SnapshotMetadata ofFile(StepUri uri, Checksum checksum, String extension) {
    return new SnapshotMetadata(
        uri,
        checksum,
        SnapshotType.FILE,
        Optional.of(extension),
        Optional.empty(),
        DescriptiveFields.none(),
        Map.of());
  }

  public static SnapshotMetadata ofDirectory(StepUri uri, DirectoryManifest manifest) {
    return new SnapshotMetadata(
        uri,
        manifest.checksum(),
        SnapshotType.DIRECTORY,
        Optional.empty(),
        Optional.of(manifest),
        DescriptiveFields.none(),
        Map.of());
  }

  /** The same data description with the user's descriptive and hand-added fields of {@code old}. */
  public SnapshotMetadata keepingUserFieldsOf(SnapshotMetadata old) {
    return new SnapshotMetadata(
        uri, checksum, type, extension, manifest, old.descriptive, old.extra);
  }

  /** Where the data lives: the folder of a directory snapshot, or the file with its extension. */
  public Path dataPath(dev.alcove.core.layout.AlcoveLayout layout) {
    return type == SnapshotType.DIRECTORY
        ? layout.snapshotDirectory(uri)
        : layout.snapshotFile(uri, extension.orElse(""));
  }

  /** The store objects this snapshot is made of, each once: its file, or its folder's files. */
  public List<Checksum> objects() {
    return type == SnapshotType.DIRECTORY
        ? List.copyOf(new java.util.LinkedHashSet<>(manifest.orElseThrow().entries().values()))
        : List.of(checksum);
  }

  /** The same data with these descriptive fields. */
  public SnapshotMetadata withDescriptive(DescriptiveFields fields) {
    return new SnapshotMetadata(uri, checksum, type, extension, manifest, fields, extra);
  }

  public SnapshotMetadata withChecksum(Checksum newChecksum) {
    return new SnapshotMetadata(uri, newChecksum, type, extension, manifest, descriptive, extra);
  }

  public static Optional<SnapshotMetadata> readIfExists(Path file, StepUri expectedUri) {
    return SidecarFields.ifExists(() -> read(file, expectedUri));
  }

  public static SnapshotMetadata read(Path file, StepUri expectedUri) throws NoSuchFileException {
    return of(SidecarFields.read(file, "sidecar"), expectedUri, Optional.empty());
  }

  /**
   * A sidecar's text without its {@code manifest} mapping, and the manifest read from elsewhere:
   * the form in which build state keeps a large folder's sidecar (parsing a 100,000-entry manifest
   * as YAML takes seconds).
   */
  public static SnapshotMetadata withManifest(
      String textWithoutManifest, String source, StepUri expectedUri, DirectoryManifest manifest) {
    return of(
        SidecarFields.checkVersion(
            dev.alcove.core.yaml.YamlFiles.parseMapping(textWithoutManifest, source), "sidecar"),
        expectedUri,
        Optional.of(manifest));
  }

  private static SnapshotMetadata of(
      YamlMap yaml, StepUri expectedUri, Optional<DirectoryManifest> given) {
    StepUri uri = SidecarFields.uri(yaml, expectedUri);
    Checksum checksum = SidecarFields.checksum(yaml, "checksum");
    SnapshotType type = SnapshotType.parse(yaml);
    Optional<String> extension = Optional.empty();
    Optional<DirectoryManifest> manifest = Optional.empty();
    if (type == SnapshotType.FILE) {
      String ext = yaml.string("extension").orElse("");
      if (!EXTENSION.matcher(ext).matches()) {
        throw yaml.error(
            "extension", "extension '" + ext + "' must be one dot and a name, like .csv");
      }
      extension = Optional.of(ext);
    } else if (given.isPresent()) {
      manifest = given;
    } else {
      YamlMap entries =
          yaml.map("manifest")
              .orElseThrow(() -> yaml.error("manifest", "a directory snapshot needs a 'manifest'"));
      Map<String, Checksum> files = new TreeMap<>();
      for (String path : entries.keys()) {
        try {
          DirectoryManifest.requireSafeRelativePath(path);
        } catch (AlcoveException e) {
          throw entries.error(
              path, e.getMessage() + ": it must be a path inside the snapshot folder");
        }
        try {
          DirectoryManifest.requireCountedName(path);
        } catch (AlcoveException e) {
          throw entries.error(path, e.getMessage());
        }
        files.put(path, SidecarFields.checksum(entries, path));
      }
      if (files.isEmpty()) {
        throw yaml.error("manifest", "the manifest of a directory snapshot cannot be empty");
      }
      manifest = Optional.of(DirectoryManifest.of(files));
    }
    return new SnapshotMetadata(
        uri,
        checksum,
        type,
        extension,
        manifest,
        SidecarFields.descriptive(yaml),
        SidecarFields.extra(yaml, STRUCTURAL));
  }

  public String toYaml() {
    SidecarText text =
        new SidecarText()
            .field("version", FORMAT_VERSION)
            .field("uri", uri.toString())
            .field("checksum", checksum.hex())
            .field("snapshot_type", type.label());
    extension.ifPresent(ext -> text.field("extension", ext));
    manifest.ifPresent(
        m -> {
          Map<String, String> entries = new LinkedHashMap<>();
          m.entries().forEach((path, sum) -> entries.put(path, sum.hex()));
          text.field("manifest", entries);
        });
    return text.descriptive(descriptive).extra(extra).toString();
  }

  public void write(Path file) {
    AtomicFiles.writeString(file, toYaml());
  }

  /**
   * Fails, before anything is written, where the sidecar would be larger than alcove reads back: a
   * snapshot that could never be restored.
   */
  public void requireReadableSize() {
    long bytes = toYaml().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > dev.alcove.core.yaml.YamlFiles.MAX_FILE_BYTES) {
      throw new AlcoveException(
          "snapshot "
              + uri
              + " would need a sidecar of "
              + (bytes >> 20)
              + " MiB, more than the 16 MiB a metadata file may hold: it lists "
              + manifest.map(m -> m.size() + " files").orElse("too much")
              + "; snapshot the folder in parts, or as an archive file");
    }
  }
}
