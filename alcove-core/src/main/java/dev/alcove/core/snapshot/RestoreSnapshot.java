package dev.alcove.core.snapshot;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.DirectoryManifest;
import dev.alcove.core.checksum.DirectoryScanner;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.concurrent.Parallel;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.NoLinks;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.progress.ProgressReporter;
import dev.alcove.core.store.Depot;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a snapshot's local data against its sidecar and restores what is missing or changed from
 * the cache or the store (SPEC section 5). A restored folder loses files not in its manifest.
 */
public final class RestoreSnapshot {

  /** Why a snapshot is planned: its data is not here at all (rather than changed). */
  public static final String DATA_MISSING = "data missing";

  private final AlcoveLayout layout;
  private final FileDigester digester;
  private final AlcoveLog log;
  private final ThreadBudget work;
  private final ThreadBudget transfers;
  private final java.time.Clock clock;
  private final FrontEnd frontEnd;
  private final SnapshotSummaries summaries;
  private final Map<StepUri, SnapshotMetadata> parsed = new ConcurrentHashMap<>();

  /**
   * Sidecars whose manifest is known to hash to their checksum, the very metadata read: hashing a
   * 100,000-entry manifest once per run, not once per check and again per restore.
   */
  private final Map<StepUri, SnapshotMetadata> consistent = new ConcurrentHashMap<>();

  /**
   * What each folder held when it was checked, and whether that was all it held, so that a restore
   * need not look again.
   */
  private static final class Checked {
    final DirectoryManifest files;
    final boolean plain;
    final List<Path> folders;
    final boolean matched;
    private DirectoryManifest.Changes changes;
    private DirectoryManifest comparedWith;

    Checked(DirectoryManifest files, DirectoryScanner.Listing listing, boolean matched) {
      this.files = files;
      this.plain = listing.plain();
      this.folders = listing.folders();
      this.matched = matched;
    }

    /**
     * How the folder differs from {@code manifest}: found once, by the check's report of the
     * mismatch, and used again by the restore (a walk over 100,000 entries each).
     */
    synchronized DirectoryManifest.Changes changesTo(DirectoryManifest manifest) {
      if (comparedWith != manifest) {
        changes = files.changesTo(manifest);
        comparedWith = manifest;
      }
      return changes;
    }
  }

  private final Map<Path, Checked> checkedFolders = new ConcurrentHashMap<>();

  public RestoreSnapshot(GoalContext context, AlcoveLayout layout, FileDigester digester) {
    this(context, layout, digester, SnapshotSummaries.none());
  }

  /**
   * With {@code summaries}, an unchanged sidecar is checked against its data without parsing it.
   */
  public RestoreSnapshot(
      GoalContext context,
      AlcoveLayout layout,
      FileDigester digester,
      SnapshotSummaries summaries) {
    this.layout = layout;
    this.digester = digester;
    this.log = context.log();
    this.work = context.work();
    this.transfers = context.transfers();
    this.clock = context.clock();
    this.frontEnd = context.frontEnd();
    this.summaries = summaries;
  }

  /**
   * The snapshot's sidecar, parsed once per run: a folder's lists every file, and planning, the
   * restore and the tables built on it all ask for it.
   */
  public SnapshotMetadata metadata(StepUri uri) {
    SnapshotMetadata known = parsed.get(uri);
    if (known != null) {
      return known;
    }
    Path sidecar = layout.snapshotSidecar(uri);
    try {
      Optional<Checksum> sidecarChecksum =
          Files.isRegularFile(sidecar) ? Optional.of(digester.checksum(sidecar)) : Optional.empty();
      Optional<SnapshotMetadata> kept =
          sidecarChecksum.flatMap(sum -> summaries.parsed().read(uri, sum));
      SnapshotMetadata metadata =
          kept.isPresent() ? kept.get() : SnapshotMetadata.read(sidecar, uri);
      // a kept sidecar is believed only once its manifest hashed to the sidecar's checksum
      kept.ifPresent(read -> consistent.put(uri, read));
      if (kept.isEmpty()
          && metadata.manifest().map(m -> m.size() >= ParsedSidecars.FROM_FILES).orElse(false)) {
        summaries.parsed().keep(metadata, Files.readString(sidecar, StandardCharsets.UTF_8));
      }
      parsed.put(uri, metadata);
      return metadata;
    } catch (IOException e) {
      if (!(e instanceof NoSuchFileException)) {
        throw IoErrors.unchecked("cannot read " + sidecar, e);
      }
      throw new AlcoveException(
          "snapshot "
              + uri
              + " has no sidecar "
              + layout.relative(sidecar)
              + ": take it again with "
              + frontEnd.run(Goal.SNAPSHOT));
    }
  }

  /**
   * The snapshot's data checksum (a folder's manifest checksum), from the summary of its sidecar
   * when the sidecar's bytes were seen before: a folder's sidecar may list thousands of files.
   */
  public Checksum dataChecksum(StepUri uri) {
    Path sidecar = layout.snapshotSidecar(uri);
    if (Files.isRegularFile(sidecar)) {
      Optional<SnapshotSummaries.Summary> known = summaries.get(digester.checksum(sidecar));
      if (known.isPresent()) {
        return known.get().checksum();
      }
    }
    return metadata(uri).checksum();
  }

  public Path dataPath(SnapshotMetadata metadata) {
    return metadata.dataPath(layout);
  }

  /**
   * Why the local data of {@code uri} does not match its sidecar, or empty when it does. A sidecar
   * whose bytes were summarised before is not parsed unless its data no longer matches.
   */
  public Optional<String> problem(StepUri uri) {
    Path sidecar = layout.snapshotSidecar(uri);
    Optional<Checksum> sidecarChecksum =
        Files.isRegularFile(sidecar) ? Optional.of(digester.checksum(sidecar)) : Optional.empty();
    Optional<SnapshotSummaries.Summary> summary = sidecarChecksum.flatMap(summaries::get);
    if (summary.isPresent()) {
      SnapshotSummaries.Summary known = summary.get();
      return matches(known.type(), known.checksum(), dataPath(uri, known))
          ? Optional.empty()
          : Optional.of(mismatch(metadata(uri)));
    }
    SnapshotMetadata metadata = metadata(uri);
    Optional<String> problem = problem(metadata);
    if (problem.isEmpty()) {
      sidecarChecksum.ifPresent(sum -> summaries.put(sum, metadata));
    }
    return problem;
  }

  /** Why the local data does not match the sidecar, or empty when it does. */
  public Optional<String> problem(SnapshotMetadata metadata) {
    if (!consistent(metadata)) {
      return Optional.of("sidecar's manifest does not hash to its checksum");
    }
    return matches(metadata.type(), metadata.checksum(), dataPath(metadata))
        ? Optional.empty()
        : Optional.of(mismatch(metadata));
  }

  /** Whether a folder sidecar's manifest hashes to its checksum (a file's has none). */
  private boolean consistent(SnapshotMetadata metadata) {
    if (consistent.get(metadata.uri()) == metadata) {
      return true;
    }
    boolean hashes =
        metadata.manifest().map(m -> m.checksum().equals(metadata.checksum())).orElse(true);
    if (hashes) {
      consistent.put(metadata.uri(), metadata);
    }
    return hashes;
  }

  /** How the local data of a snapshot known not to match its sidecar differs from it. */
  private String mismatch(SnapshotMetadata metadata) {
    Path data = dataPath(metadata);
    if (metadata.type() == SnapshotType.FILE) {
      return Files.isRegularFile(data, LinkOption.NOFOLLOW_LINKS)
          ? "local data changed"
          : DATA_MISSING;
    }
    if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
      return DATA_MISSING;
    }
    // The check that found the mismatch has just listed the folder.
    DirectoryManifest manifest = metadata.manifest().orElseThrow();
    Checked checked = checkedFolders.get(data);
    boolean sameFiles;
    if (checked != null) {
      DirectoryManifest.Changes changes = checked.changesTo(manifest);
      sameFiles = changes.added().isEmpty() && changes.removed().isEmpty();
    } else {
      try {
        sameFiles = DirectoryScanner.listFiles(data).keySet().equals(manifest.entries().keySet());
      } catch (AlcoveException e) {
        return "local data unreadable: " + e.getMessage();
      }
    }
    return sameFiles ? "local data changed" : "local files differ from the manifest";
  }

  /**
   * Every folder the checks of the folder snapshots among {@code uris} listed in this run, or empty
   * where one of them was not listed here (its check did not get that far).
   */
  public Optional<List<Path>> foldersListed(Collection<StepUri> uris) {
    List<Path> folders = new ArrayList<>();
    for (StepUri uri : uris) {
      Path data = uri.isSnapshot() ? layout.snapshotDirectory(uri) : null;
      if (data != null && Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
        Checked checked = checkedFolders.get(data);
        if (checked == null) {
          return Optional.empty();
        }
        folders.addAll(checked.folders);
      }
    }
    return Optional.of(folders);
  }

  /**
   * What the checks of the folder snapshots among {@code uris} found in each folder, for those that
   * match their sidecar: each file's checksum, which is then the one the sidecar lists.
   */
  public Map<StepUri, DirectoryManifest> foldersMatched(Collection<StepUri> uris) {
    Map<StepUri, DirectoryManifest> matched = new java.util.TreeMap<>();
    for (StepUri uri : uris) {
      Checked checked = uri.isSnapshot() ? checkedFolders.get(layout.snapshotDirectory(uri)) : null;
      if (checked != null && checked.matched) {
        matched.put(uri, checked.files);
      }
    }
    return matched;
  }

  private Path dataPath(StepUri uri, SnapshotSummaries.Summary summary) {
    return summary.type() == SnapshotType.DIRECTORY
        ? layout.snapshotDirectory(uri)
        : layout.snapshotFile(uri, summary.extension());
  }

  /** Whether the data at {@code data} hashes to {@code checksum}, through the stat cache. */
  private boolean matches(SnapshotType type, Checksum checksum, Path data) {
    if (type == SnapshotType.FILE) {
      return Files.isRegularFile(data, LinkOption.NOFOLLOW_LINKS)
          && digester.checksum(data).equals(checksum);
    }
    if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      DirectoryScanner.Listing listing = DirectoryScanner.list(data);
      if (listing.files().isEmpty()) {
        return false;
      }
      DirectoryManifest local = new DirectoryScanner(digester, work).checksumAll(listing.files());
      boolean matched = local.checksum().equals(checksum);
      checkedFolders.put(data, new Checked(local, listing, matched));
      return matched;
    } catch (AlcoveException e) {
      return false;
    }
  }

  /** What a folder snapshot's sidecar lists for some of its files, and how many files it lists. */
  public record Listed(Map<String, Checksum> files, int size) {}

  /**
   * Restores {@code files} of the folder snapshot {@code uri}, a folder otherwise known to hold
   * what its sidecar lists ({@code listed}): each local file in the way is moved aside first, and
   * every byte is verified before it is placed.
   */
  public void restoreFiles(StepUri uri, Listed listed, Depot depot) {
    Path data = layout.snapshotDirectory(uri);
    NoLinks.requireBelow(layout.dataDir(), data);
    Displaced displaced = new Displaced(layout, LocalDateTime.now(clock));
    for (String relative : listed.files().keySet()) {
      Path file = data.resolve(relative);
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        warnDisplaced(file, "is not the data " + uri + " records", displaced.moveAside(file));
      }
    }
    fetchFiles(
        uri,
        data,
        new ArrayList<>(listed.files().entrySet()),
        listed.size(),
        List::of,
        false,
        displaced,
        depot);
  }

  /** Restores the snapshot's data from the depot; every byte is verified before it is placed. */
  public void restore(SnapshotMetadata metadata, Depot depot) {
    StepUri uri = metadata.uri();
    Path data = dataPath(metadata);
    NoLinks.requireBelow(layout.dataDir(), data);
    String owner = "snapshot " + uri;
    Displaced displaced = new Displaced(layout, LocalDateTime.now(clock));
    if (metadata.type() == SnapshotType.FILE) {
      if (Files.isRegularFile(data, LinkOption.NOFOLLOW_LINKS)) {
        warnDisplaced(data, "is not the data " + uri + " records", displaced.moveAside(data));
      }
      depot.fetch(
          metadata.checksum(),
          data,
          owner,
          new ProgressReporter(log, "restoring " + uri + ":", 0),
          transfers);
      log.info("restored " + uri + " -> " + layout.relative(data));
      return;
    }
    DirectoryManifest manifest = metadata.manifest().orElseThrow();
    if (!consistent(metadata)) {
      throw new AlcoveException(
          "sidecar "
              + layout.relative(layout.snapshotSidecar(uri))
              + " is inconsistent: its checksum is not that of its manifest; run "
              + frontEnd.run(Goal.AUDIT)
              + " with "
              + frontEnd.set(Setting.FIX, "true"));
    }
    BasicFileAttributes there = attributesOrNull(data);
    boolean fresh = there == null || !there.isDirectory();
    try {
      if (there != null && !there.isDirectory()) {
        warnDisplaced(data, "is a file where " + uri + " has a folder", displaced.moveAside(data));
      }
      Files.createDirectories(data);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot create " + data, e);
    }
    Checked checked = checkedFolders.remove(data);
    // What the check found different, in one walk over both manifests; without a check, each file.
    // A folder made just now holds nothing: every file is fetched, none looked for.
    Set<String> different = null;
    List<String> notInManifest = null;
    if (fresh) {
      notInManifest = List.of();
    } else if (checked != null) {
      DirectoryManifest.Changes changes = checked.changesTo(manifest);
      different = new HashSet<>(changes.added());
      different.addAll(changes.changed());
      if (checked.plain) {
        notInManifest = changes.removed();
      }
    }
    List<Map.Entry<String, Checksum>> needed =
        fresh
            ? new ArrayList<>(manifest.entries().entrySet())
            : filesNotAsRecorded(uri, data, manifest, different, displaced);
    List<String> notListed = notInManifest;
    fetchFiles(
        uri,
        data,
        needed,
        manifest.size(),
        () ->
            notListed != null
                ? notListed.stream().map(data::resolve).toList()
                : extraFiles(data, manifest),
        fresh,
        displaced,
        depot);
  }

  /**
   * The entries of {@code manifest} whose file in {@code data} is missing or not the recorded one:
   * among {@code different} only, when the check found which differ, else each file hashed. A file
   * that is not the recorded one is moved aside.
   */
  private List<Map.Entry<String, Checksum>> filesNotAsRecorded(
      StepUri uri,
      Path data,
      DirectoryManifest manifest,
      Set<String> different,
      Displaced displaced) {
    List<Map.Entry<String, Checksum>> needed = new ArrayList<>();
    for (Map.Entry<String, Checksum> entry : manifest.entries().entrySet()) {
      if (different != null && !different.contains(entry.getKey())) {
        continue;
      }
      Path file = data.resolve(entry.getKey());
      boolean good =
          different == null
              && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
              && digester.checksum(file).equals(entry.getValue());
      if (!good) {
        needed.add(entry);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          warnDisplaced(file, "is not the data " + uri + " records", displaced.moveAside(file));
        }
      }
    }
    return needed;
  }

  /**
   * Fetches {@code needed} into the folder {@code data} of {@code uri}, whose manifest lists {@code
   * manifestSize} files, then moves aside what {@code extra} finds there that it does not list.
   * {@code dataMadeNow}: the restore made {@code data} itself, just before.
   */
  private void fetchFiles(
      StepUri uri,
      Path data,
      List<Map.Entry<String, Checksum>> needed,
      int manifestSize,
      java.util.function.Supplier<List<Path>> extra,
      boolean dataMadeNow,
      Displaced displaced,
      Depot depot) {
    String owner = "snapshot " + uri;
    ProgressReporter progress =
        ProgressReporter.ofFiles(log, "restoring " + uri + ":", needed.size());
    Set<Path> madeNow = prepareFolders(uri, data, needed, displaced);
    if (dataMadeNow) {
      madeNow.add(data);
    }
    Parallel.forEach(
        needed,
        transfers,
        depot.parallelTransfers(),
        entry -> {
          Path file = data.resolve(entry.getKey()).normalize();
          // A folder this restore made holds nothing of anyone's: there is nothing to look at.
          BasicFileAttributes there =
              madeNow.contains(file.getParent()) ? null : attributesOrNull(file);
          if (there != null && there.isSymbolicLink()) {
            throw linkLeadsOutside(file, data);
          }
          if (there != null && there.isDirectory()) {
            warnDisplaced(
                file, "is a folder where " + uri + " has a file", displaced.moveAside(file));
          }
          depot.fetch(entry.getValue(), file, owner, progress::transferred, transfers);
          progress.fileDone();
        });
    int removed = moveExtraFilesAside(uri, extra.get(), displaced);
    log.info(
        "restored "
            + uri
            + ": "
            + needed.size()
            + " of "
            + manifestSize
            + " files fetched"
            + (removed > 0
                ? ", "
                    + removed
                    + (removed == 1 ? " file" : " files")
                    + " not in the manifest moved aside"
                : "")
            + " -> "
            + layout.relative(data)
            + "/");
  }

  /**
   * Makes each folder that files of {@code needed} go into, once per folder and before any file is
   * fetched: a file of the user's where such a folder (or one above it) is to be is moved aside, a
   * link there is refused, and so is a folder whose real path leads outside {@code data}, so that
   * nothing is made or written through a link. A flat folder of 1,000 files is resolved once, not
   * once per file. Returns the folders files go into that it made itself.
   */
  private Set<Path> prepareFolders(
      StepUri uri, Path data, List<Map.Entry<String, Checksum>> needed, Displaced displaced) {
    Path realData = realPath(data);
    Set<Path> lookedAt = new HashSet<>();
    Set<Path> prepared = new HashSet<>();
    Set<Path> made = new HashSet<>();
    for (Map.Entry<String, Checksum> entry : needed) {
      Path file = data.resolve(entry.getKey()).normalize();
      Path parent = file.getParent();
      if (!prepared.add(parent)) {
        continue;
      }
      // From the top down, so that nothing below a link is looked at, moved or made through it.
      ArrayDeque<Path> unchecked = new ArrayDeque<>();
      for (Path folder = parent;
          !folder.equals(data) && lookedAt.add(folder);
          folder = folder.getParent()) {
        unchecked.push(folder);
      }
      for (Path folder : unchecked) {
        BasicFileAttributes there = attributesOrNull(folder);
        if (there == null) {
          break; // nor anything below it
        }
        if (there.isSymbolicLink()) {
          throw linkWhereAFolderIs(file, folder);
        }
        if (!there.isDirectory()) {
          warnDisplaced(
              folder, "is a file where " + uri + " has a folder", displaced.moveAside(folder));
        }
      }
      try {
        if (!Files.isDirectory(parent)) {
          Files.createDirectories(parent);
          made.add(parent);
        }
        // Its real path once made, for a link put in the way since it was looked at.
        if (!parent.toRealPath().startsWith(realData)) {
          throw linkLeadsOutside(file, data);
        }
      } catch (IOException e) {
        throw IoErrors.unchecked("cannot create " + parent, e);
      }
    }
    return made;
  }

  private static Path realPath(Path folder) {
    try {
      return folder.toRealPath();
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + folder, e);
    }
  }

  private static AlcoveException linkWhereAFolderIs(Path file, Path link) {
    return refusedForALink(file, link + " is a link where the snapshot has a folder");
  }

  private static AlcoveException linkLeadsOutside(Path file, Path folder) {
    return refusedForALink(file, "a link leads it outside " + folder);
  }

  /** One line for every link a restore will not write through: what, and what to do. */
  private static AlcoveException refusedForALink(Path file, String why) {
    return new AlcoveException(
        "refusing to write "
            + file
            + ": "
            + why
            + "; move the link out of the snapshot's folder and run again");
  }

  /** What is at {@code path} itself (a link is not followed), or null when nothing is. */
  private static BasicFileAttributes attributesOrNull(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + path, e);
    }
  }

  /**
   * Every file, link or special file under {@code folder} that {@code manifest} does not list, for
   * a folder the check did not list in full.
   */
  private static List<Path> extraFiles(Path folder, DirectoryManifest manifest) {
    List<Path> extra = new ArrayList<>();
    // One walk that does not follow links, taking each entry's type from the walk itself: a
    // folder of 100,000 files is walked once after every restore.
    int prefix = folder.toString().length() + 1;
    try {
      Files.walkFileTree(
          folder,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(
                Path path, BasicFileAttributes attributes) {
              if (!attributes.isDirectory()
                  && !path.getFileName().toString().equals(DirectoryScanner.SKIPPED_FILE)
                  && !manifest
                      .entries()
                      .containsKey(path.toString().substring(prefix).replace('\\', '/'))) {
                extra.add(path);
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot list " + folder, e);
    }
    return extra;
  }

  private int moveExtraFilesAside(StepUri uri, List<Path> extra, Displaced displaced) {
    int moved = 0;
    for (Path path : extra) {
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)
          || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        // Moved aside already, in the way of a file or a folder the snapshot has: the folder
        // there now is the snapshot's.
        continue;
      }
      moved++;
      if (path.getFileName().toString().contains(AtomicFiles.TEMP_MARKER)) {
        // Left by a restore that was killed: never the user's.
        AtomicFiles.deleteQuietly(path);
      } else {
        warnDisplaced(path, "is not part of " + uri, displaced.moveAside(path));
      }
    }
    return moved;
  }

  /** Says where a user's file went, and how to keep it as the snapshot's data. */
  private void warnDisplaced(Path file, String why, String aside) {
    log.warn(
        layout.relative(file)
            + " "
            + why
            + ": moved it to "
            + aside
            + " before restoring; to keep it, snapshot it again with "
            + frontEnd.run(Goal.SNAPSHOT)
            + " and "
            + frontEnd.set(Setting.FORCE, "true")
            + " (or as a new version)");
  }
}
