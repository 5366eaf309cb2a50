package dev.alcove.core.dataset;

import dev.alcove.core.Alcove;
import dev.alcove.core.AlcoveEdit;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.http.HttpProxy;
import dev.alcove.core.http.RedirectPolicy;
import dev.alcove.core.http.Urls;
import dev.alcove.core.io.Folders;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.DescriptiveFields;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.snapshot.TakeSnapshot;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code snapshot} without a source: fetches every declared dataset (or the one named) and adds a
 * new version dated today when its bytes differ from the latest snapshot's, as a manual snapshot
 * would (store, sidecar with the declared provenance, {@code data/.gitignore}, catalogue); says
 * "unchanged" otherwise. A pinned checksum is checked before anything is stored.
 */
public final class FetchDatasets {

  /** The most a source may hold unless the front end says otherwise. */
  public static final long DEFAULT_MAX_BYTES = 16L << 30;

  private final GoalContext context;
  private final Alcove alcove;
  private final List<DatasetSpec> declared;
  private final boolean offline;
  private final HttpSource http;
  private final ArtifactSource artifacts;
  private final AlcoveLog log;

  /** How long one fetch may take as a whole, unless the front end says otherwise. */
  public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofMinutes(30);

  /**
   * {@code proxies} says which proxy a URL goes through (the front end's, or the environment's);
   * {@code artifacts} resolves {@code mvn:} sources; {@code fetchTimeout} bounds each fetch.
   */
  public FetchDatasets(
      GoalContext context,
      Alcove alcove,
      List<DatasetSpec> declared,
      boolean offline,
      ArtifactSource artifacts,
      Function<String, Optional<HttpProxy>> proxies,
      Duration fetchTimeout) {
    this(
        context,
        alcove,
        declared,
        offline,
        artifacts,
        new HttpSource(
            context.log(),
            DEFAULT_MAX_BYTES,
            500,
            proxies,
            RedirectPolicy.standard(),
            fetchTimeout,
            context.frontEnd()));
  }

  FetchDatasets(
      GoalContext context,
      Alcove alcove,
      List<DatasetSpec> declared,
      boolean offline,
      ArtifactSource artifacts,
      HttpSource http) {
    this.artifacts = artifacts;
    this.context = context;
    this.alcove = alcove;
    this.declared = List.copyOf(declared);
    this.offline = offline;
    this.log = context.log();
    this.http = http;
  }

  /**
   * Fetches the declared datasets, or only {@code only}; returns the snapshots added. A dataset
   * that changed since today's version was taken replaces it only when {@code force} says so.
   */
  public List<StepUri> fetch(Optional<String> only, boolean force) {
    List<DatasetSpec> all = withCatalogues(declared, alcove.catalogue().datasets());
    List<DatasetSpec> chosen =
        only.map(name -> all.stream().filter(d -> d.name().equals(name.strip())).toList())
            .orElse(all);
    if (all.isEmpty()) {
      throw new AlcoveException(
          "no source given and no dataset declared: set "
              + context.frontEnd().set(Setting.SOURCE, "<file or folder>")
              + ", or declare datasets with their URLs");
    }
    if (chosen.isEmpty()) {
      throw new AlcoveException(
          "no declared dataset is named "
              + only.orElse("").strip()
              + " (declared: "
              + String.join(", ", all.stream().map(DatasetSpec::name).toList())
              + "); to snapshot a file, set "
              + context.frontEnd().set(Setting.SOURCE, "<file or folder>"));
    }
    if (offline) {
      // Files on this machine need no network.
      List<DatasetSpec> remote = chosen.stream().filter(DatasetSpec::isHttp).toList();
      if (!remote.isEmpty()) {
        log.info(
            context.frontEnd().offline()
                + ": skipped fetching "
                + String.join(", ", remote.stream().map(DatasetSpec::name).toList()));
      }
      chosen = chosen.stream().filter(d -> !d.isHttp()).toList();
    }
    List<StepUri> added = new java.util.ArrayList<>();
    try (AlcoveEdit edit = alcove.edit(log)) {
      FetchState state = FetchState.load(edit.alcove().layout().buildDir());
      try {
        for (DatasetSpec dataset : chosen) {
          fetchOne(edit, dataset, state, force).ifPresent(added::add);
        }
      } finally {
        state.save();
      }
    }
    return added;
  }

  /**
   * The front end's declarations and those of {@code alcove.yaml}; one dataset declared in both
   * must be declared alike.
   */
  private List<DatasetSpec> withCatalogues(
      List<DatasetSpec> declared, Map<String, Map<String, String>> inCatalogue) {
    Map<String, DatasetSpec> all = new LinkedHashMap<>();
    for (DatasetSpec spec : declared) {
      DatasetSpec first = all.putIfAbsent(spec.name(), spec);
      if (first != null) {
        throw new AlcoveException(
            "dataset "
                + spec.name()
                + " is declared twice in "
                + context.frontEnd().declaredDatasets()
                + " (<url>"
                + Urls.redacted(first.source())
                + "</url> and <url>"
                + Urls.redacted(spec.source())
                + "</url>): keep one <dataset> of that <name>");
      }
    }
    inCatalogue.forEach(
        (name, fields) -> {
          Map<String, String> described = new LinkedHashMap<>(fields);
          String url = described.remove("url");
          String sha256 = described.remove("sha256");
          boolean allowEmpty = "true".equals(described.remove("allow_empty"));
          DatasetSpec spec =
              DatasetSpec.of(name, url, sha256, described, "alcove.yaml datasets " + name)
                  .withAllowEmpty(allowEmpty);
          DatasetSpec other = all.get(spec.name());
          if (other != null && !other.withoutLogin().equals(spec)) {
            throw new AlcoveException(
                "dataset "
                    + spec.name()
                    + " is declared differently in alcove.yaml and in "
                    + context.frontEnd().declaredDatasets()
                    + ": declare it in one place only");
          }
          all.putIfAbsent(spec.name(), spec);
        });
    return List.copyOf(all.values());
  }

  private Optional<StepUri> fetchOne(
      AlcoveEdit edit, DatasetSpec dataset, FetchState state, boolean force) {
    Optional<StepUri> latest =
        edit.alcove()
            .catalogue()
            .resolve(StepUri.parse("snapshot://" + dataset.name() + "/latest"));
    Optional<Checksum> latestChecksum =
        latest
            .flatMap(
                uri ->
                    SnapshotMetadata.readIfExists(edit.alcove().layout().snapshotSidecar(uri), uri))
            .map(SnapshotMetadata::checksum);
    Path folder = edit.alcove().layout().buildDir().resolve("fetch-" + UUID.randomUUID());
    try {
      Path source;
      Checksum checksum;
      Optional<FetchState.Seen> validators = Optional.empty();
      String url = dataset.source().toString();
      if (dataset.isHttp()) {
        log.info("dataset " + dataset.name() + ": fetching " + describe(dataset));
        Files.createDirectories(folder);
        Path download = folder.resolve("download");
        // Ask conditionally only when the latest snapshot holds the bytes the validators stand for.
        Optional<FetchState.Seen> seen =
            state.get(url).filter(s -> latestChecksum.equals(Optional.of(s.checksum())));
        HttpSource.Result result =
            http.fetch(dataset.name(), dataset.source(), dataset.login(), seen, download);
        checksum = result.checksum();
        validators =
            Optional.of(new FetchState.Seen(result.etag(), result.lastModified(), checksum));
        // Whatever the server says: a 304 stands for bytes that must still match the pin.
        requirePin(dataset, checksum);
        if (!result.modified()) {
          log.info(
              "dataset "
                  + dataset.name()
                  + ": unchanged since "
                  + latest.get().version()
                  + " (not modified, nothing transferred)");
          return Optional.empty();
        }
        String name =
            dataset
                .fileName(result.finalUrl())
                .orElseThrow(
                    () ->
                        new AlcoveException(
                            "dataset "
                                + dataset.name()
                                + ": "
                                + Urls.redacted(dataset.source())
                                + " names no file with an extension (like .csv), which the"
                                + " snapshot's sidecar records: nothing was stored"));
        source = Files.move(download, folder.resolve(name));
      } else {
        source = dataset.isMaven() ? artifacts.resolve(dataset.coordinates()) : fileOf(dataset);
        if (!Files.isRegularFile(source)) {
          throw new AlcoveException(
              "dataset "
                  + dataset.name()
                  + ": "
                  + source
                  + (Files.isDirectory(source)
                      ? " is a folder: declare a file"
                      : " does not exist"));
        }
        checksum = Sha256.ofFile(source);
        requirePin(dataset, checksum);
      }
      if (Files.size(source) == 0) {
        if (!dataset.allowEmpty()) {
          throw new AlcoveException(
              "dataset "
                  + dataset.name()
                  + ": "
                  + describe(dataset)
                  + " is empty: nothing was stored; if an empty file is what it should be, say so"
                  + " in its declaration (<allowEmpty>true</allowEmpty>)");
        }
        log.warn("dataset " + dataset.name() + ": " + describe(dataset) + " is empty (allowed)");
      }
      if (latestChecksum.equals(Optional.of(checksum))) {
        validators.ifPresent(seen -> state.put(url, seen));
        log.info("dataset " + dataset.name() + ": unchanged since " + latest.get().version());
        return Optional.empty();
      }
      StepUri today = StepUri.parse("snapshot://" + dataset.name() + "/" + context.today());
      boolean replace = edit.alcove().catalogue().contains(today);
      if (replace && !force) {
        throw new AlcoveException(
            "dataset "
                + dataset.name()
                + ": "
                + describe(dataset)
                + " changed since "
                + today
                + " was taken today; that version is kept: set "
                + context.frontEnd().set(Setting.FORCE, "true")
                + " to replace its data, or fetch again tomorrow for a new version");
      }
      // Remembered only for bytes that end up in a snapshot: a refused fetch changes nothing.
      validators.ifPresent(seen -> state.put(url, seen));
      // What the last version's sidecar says (filled in by hand, perhaps), then the declaration.
      DescriptiveFields described =
          latest
              .flatMap(
                  uri ->
                      SnapshotMetadata.readIfExists(
                          edit.alcove().layout().snapshotSidecar(uri), uri))
              .map(SnapshotMetadata::descriptive)
              .orElse(DescriptiveFields.none())
              .overriddenBy(dataset.descriptive(context.today()).values());
      TakeSnapshot.Result result =
          new TakeSnapshot(context, edit.alcove())
              .snapshot(
                  source,
                  dataset.name(),
                  replace,
                  Optional.of(new TakeSnapshot.Provenance(describe(dataset), described)));
      log.info(
          "dataset "
              + dataset.name()
              + ": new version "
              + result.uri()
              + latest.map(uri -> " (was " + uri.version() + ")").orElse(""));
      return Optional.of(result.uri());
    } catch (IOException e) {
      throw new AlcoveException("dataset " + dataset.name() + ": " + e.getMessage());
    } finally {
      Folders.deleteQuietly(folder);
    }
  }

  /** Fails unless the bytes are the ones the dataset pins, if it pins any. */
  private static void requirePin(DatasetSpec dataset, Checksum checksum) {
    if (dataset.sha256().isPresent() && !dataset.sha256().get().equals(checksum)) {
      throw new AlcoveException(
          "dataset "
              + dataset.name()
              + ": the fetched bytes hash to "
              + checksum.hex()
              + ", not the pinned "
              + dataset.sha256().get().hex()
              + ": nothing was stored");
    }
  }

  /** The file a {@code file:} source names. */
  private static Path fileOf(DatasetSpec dataset) {
    try {
      return Path.of(dataset.source());
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw new AlcoveException(
          "dataset "
              + dataset.name()
              + ": <url>"
              + dataset.source()
              + "</url> names no file here: write file:/// and the file's absolute path");
    }
  }

  /** The source as it may be printed. */
  private static String describe(DatasetSpec dataset) {
    return Urls.redacted(dataset.source());
  }
}
