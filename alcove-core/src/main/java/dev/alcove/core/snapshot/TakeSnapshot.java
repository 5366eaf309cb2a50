package dev.alcove.core.snapshot;

import dev.alcove.core.Alcove;
import dev.alcove.core.AlcoveEdit;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.DirectoryManifest;
import dev.alcove.core.checksum.DirectoryScanner;
import dev.alcove.core.checksum.HashingCopy;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.Folders;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.NoLinks;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.layout.DataGitignore;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.DescriptiveFields;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.progress.ProgressReporter;
import dev.alcove.core.progress.Throughput;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.SnapshotPins;
import dev.alcove.core.uri.Scheme;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code snapshot}: takes a file or folder into the alcove (SPEC section 5).
 *
 * <p>The order makes a failure harmless: the data is first copied (and hashed in the same read) to
 * a temporary path inside the alcove, then uploaded by checksum, and only then moved into place,
 * followed by the sidecar, {@code data/.gitignore} and {@code alcove.yaml}. Until the move, the
 * alcove is as it was; objects already uploaded are content-addressed, so they harm nothing.
 */
public final class TakeSnapshot {

  private final GoalContext context;
  private final Alcove alcove;
  private final AlcoveLog log;

  /** The context's store is opened in the background while the data is hashed. */
  public TakeSnapshot(GoalContext context, Alcove alcove) {
    this.context = context;
    this.alcove = alcove;
    this.log = context.log();
  }

  /** What was snapshotted. */
  public record Result(StepUri uri, SnapshotMetadata metadata, Path data, long bytes) {}

  /**
   * Takes the snapshot, holding the alcove's lock so that no other build changes it meanwhile; a
   * dataset without a version gets the context's today.
   */
  public Result snapshot(Path source, String dataset, boolean force) {
    return snapshot(source, dataset, force, Optional.empty());
  }

  /**
   * Where bytes fetched for a declared dataset come from: how to name them in messages (their URL,
   * not the temporary file they were fetched into) and the sidecar's descriptive fields.
   */
  public record Provenance(String shown, DescriptiveFields fields) {}

  /** As above, for bytes whose {@code provenance} is known: their sidecar is written with it. */
  public Result snapshot(
      Path source, String dataset, boolean force, Optional<Provenance> provenance) {
    LocalDate today = context.today();
    try (AlcoveEdit edit = alcove.edit(log)) {
      return snapshotUnderLock(edit, source, dataset, force, today, provenance);
    }
  }

  private Result snapshotUnderLock(
      AlcoveEdit edit,
      Path source,
      String dataset,
      boolean force,
      LocalDate today,
      Optional<Provenance> provenance) {
    Alcove alcove = edit.alcove();
    if (source == null) {
      throw new AlcoveException(
          "no source given: set " + context.frontEnd().set(Setting.SOURCE, "<file or folder>"));
    }
    if (dataset == null || dataset.isBlank()) {
      throw new AlcoveException(
          "no dataset given: set "
              + context.frontEnd().set(Setting.DATASET, "<name>")
              + ", e.g. countries");
    }
    StepUri uri = StepUri.ofDataset(Scheme.SNAPSHOT, dataset.strip(), today);
    if (!uri.isSnapshot()) {
      throw new AlcoveException("dataset " + uri + " is not a snapshot URI");
    }
    Path input = source.toAbsolutePath().normalize();
    if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS) && !Files.exists(input)) {
      throw new AlcoveException("source " + input + " does not exist");
    }
    AlcoveLayout layout = alcove.layout();
    edit.requireCanAdd(new StepDeclaration(uri, List.of()));
    Path sidecar = layout.snapshotSidecar(uri);
    Optional<SnapshotMetadata> previous = SnapshotMetadata.readIfExists(sidecar, uri);
    boolean exists = alcove.catalogue().contains(uri) || previous.isPresent();
    if (exists && !force) {
      throw new AlcoveException(
          "snapshot "
              + uri
              + " already exists: use "
              + context.frontEnd().set(Setting.FORCE, "true")
              + " to replace its data (its descriptive fields are kept)");
    }
    boolean directory = Files.isDirectory(input);
    Path target =
        directory ? layout.snapshotDirectory(uri) : layout.snapshotFile(uri, extensionOf(input));
    NoLinks.requireBelow(layout.dataDir(), sidecar);
    NoLinks.requireBelow(layout.dataDir(), target);
    if (target.startsWith(input) || (input.startsWith(target) && !input.equals(target))) {
      throw new AlcoveException(
          "source " + input + " overlaps the snapshot's own data folder " + target);
    }
    AtomicFiles.deleteStaleTemporaries(target);
    // Connecting to S3 costs a second or more: do it while the data is hashed.
    context.openDepotSoon();
    Staged staged = null;
    try {
      long start = System.nanoTime();
      String shown = provenance.map(Provenance::shown).orElse(input.toString());
      staged =
          directory
              ? stageDirectory(uri, input, target, shown)
              : stageFile(uri, input, target, shown);
      log.info("hashed and copied " + Throughput.describe(staged.bytes, System.nanoTime() - start));
      staged.metadata.requireReadableSize();
      upload(uri, staged, context.depot());
      SnapshotMetadata metadata = staged.metadata;
      if (previous.isPresent()) {
        metadata = metadata.keepingUserFieldsOf(previous.get());
      }
      if (provenance.isPresent()) {
        metadata = metadata.withDescriptive(provenance.get().fields());
      }
      edit.ignoreInGit(
          List.of(
              DataGitignore.TABLES_ENTRY,
              DataGitignore.TEMPORARY_ENTRY,
              DataGitignore.snapshotEntry(layout, target, directory)));
      removeOldData(layout, uri, previous, target);
      moveIntoPlace(staged.path, target);
      String sidecarText = metadata.toYaml();
      AtomicFiles.writeString(sidecar, sidecarText);
      ParsedSidecars.in(layout.buildDir()).keep(metadata, sidecarText);
      if (!alcove.catalogue().contains(uri)) {
        edit.addStep(new StepDeclaration(uri, List.of()));
      }
      log.info(
          "snapshot "
              + uri
              + ": "
              + (directory ? staged.files.size() + " files, " : "")
              + ProgressReporter.human(staged.bytes)
              + ", checksum "
              + metadata.checksum().hex()
              + " -> "
              + layout.relative(target)
              + (directory ? "/" : ""));
      List<String> missing = new ArrayList<>();
      if (metadata.descriptive().get("source_url") == null) {
        missing.add("source");
      }
      if (metadata.descriptive().get("license") == null) {
        missing.add("licence");
      }
      if (!missing.isEmpty()) {
        log.info(
            "describe it in " + layout.relative(sidecar) + " (" + String.join(", ", missing) + ")");
      }
      return new Result(uri, metadata, target, staged.bytes);
    } finally {
      if (staged != null) {
        Folders.deleteQuietly(staged.path);
      }
      // A failed first snapshot of a dataset must not leave its empty folder behind.
      Folders.deleteEmptyFolders(target.getParent(), layout.dataDir());
    }
  }

  /** The copy inside the alcove, not yet in place, and its description. */
  private record Staged(
      Path path, Map<String, Path> files, SnapshotMetadata metadata, long bytes) {}

  private Staged stageFile(StepUri uri, Path input, Path target, String shown) {
    if (!Files.isRegularFile(input)) {
      throw new AlcoveException("source " + input + " is neither a regular file nor a folder");
    }
    Path temp = AtomicFiles.tempSibling(target);
    createParent(temp);
    log.info("hashing and copying " + shown);
    Checksum checksum =
        HashingCopy.copy(
            input,
            temp,
            context.work(),
            new ProgressReporter(log, "hashing " + shown + ":", size(input)));
    return new Staged(
        temp,
        Map.of(temp.getFileName().toString(), temp),
        SnapshotMetadata.ofFile(uri, checksum, extensionOf(input)),
        size(temp));
  }

  private Staged stageDirectory(StepUri uri, Path input, Path target, String shown) {
    Map<String, Path> sources = DirectoryScanner.listFiles(input);
    if (sources.isEmpty()) {
      throw new AlcoveException(
          "folder " + input + " holds no files: there is nothing to snapshot");
    }
    Path temp = AtomicFiles.tempSibling(target);
    createParent(temp);
    log.info("hashing and copying " + sources.size() + " files from " + shown);
    long total = 0;
    for (Path source : sources.values()) {
      total += size(source);
    }
    ProgressReporter progress = new ProgressReporter(log, "hashing " + input + ":", total);
    Map<String, Path> copies = new TreeMap<>(DirectoryManifest.CODE_POINT_ORDER);
    sources.keySet().forEach(name -> copies.put(name, temp.resolve(name)));
    try {
      for (Path folder :
          copies.values().stream()
              .map(Path::getParent)
              .collect(java.util.stream.Collectors.toSet())) {
        Files.createDirectories(folder);
      }
      DirectoryManifest manifest =
          new DirectoryScanner(
                  file ->
                      HashingCopy.copy(
                          sources.get(nameOf(temp, file)), file, context.work(), progress),
                  context.work())
              .checksumAll(copies);
      return new Staged(
          temp, copies, SnapshotMetadata.ofDirectory(uri, manifest), progress.bytesDone());
    } catch (IOException e) {
      Folders.deleteQuietly(temp);
      throw IoErrors.unchecked("cannot stage " + input, e);
    } catch (RuntimeException e) {
      Folders.deleteQuietly(temp);
      throw e;
    }
  }

  private static String nameOf(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private void upload(StepUri uri, Staged staged, Depot depot) {
    ProgressReporter progress = new ProgressReporter(log, "uploading " + uri + ":", staged.bytes);
    Map<Checksum, Path> objects = new TreeMap<>();
    if (staged.metadata.type() == SnapshotType.FILE) {
      objects.put(staged.metadata.checksum(), staged.path);
    } else {
      staged
          .metadata
          .manifest()
          .orElseThrow()
          .entries()
          .forEach((name, sum) -> objects.putIfAbsent(sum, staged.files.get(name)));
    }
    int uploaded = depot.putAll(objects, context.transfers(), progress);
    SnapshotPins.pin(depot.store(), objects.keySet());
    int already = objects.size() - uploaded;
    log.info(
        "stored "
            + uploaded
            + (uploaded == 1 ? " object" : " objects")
            + " in "
            + depot.describe()
            + (already == 0 ? "" : " (" + already + " already there)"));
  }

  private static void removeOldData(
      AlcoveLayout layout, StepUri uri, Optional<SnapshotMetadata> previous, Path target) {
    previous.ifPresent(
        old -> {
          Path oldData = old.dataPath(layout);
          if (!oldData.equals(target)) {
            Folders.deleteQuietly(oldData);
          }
        });
  }

  /** Replaces {@code target} with the staged copy; an old folder is moved aside, then deleted. */
  private static void moveIntoPlace(Path staged, Path target) {
    try {
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        Path aside = AtomicFiles.tempSibling(target);
        Files.move(target, aside);
        AtomicFiles.moveIntoPlace(staged, target);
        Folders.deleteQuietly(aside);
      } else {
        AtomicFiles.moveIntoPlace(staged, target);
      }
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot move the snapshot into " + target, e);
    }
  }

  /**
   * The file's extension as Python's {@code Path.suffix} gives it, in lower case; the Python tool
   * records only a dot and lower-case letters or digits, and refuses a sidecar with anything else
   * (one such sidecar stops its whole run), so a file whose extension cannot be written so is
   * refused.
   */
  static String extensionOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot <= 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
    if (!extension.matches("\\.[a-z0-9]+")) {
      throw new AlcoveException(
          "source "
              + file
              + (extension.isEmpty()
                  ? " has no extension"
                  : " has the extension '" + extension + "'")
              + ", which a sidecar cannot record (a dot and letters or digits, like .csv, as the"
              + " Python tool requires): copy or rename it with such an extension, or snapshot"
              + " the folder that holds it");
    }
    return extension;
  }

  private static void createParent(Path path) {
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot create " + path.getParent(), e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
