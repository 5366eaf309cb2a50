package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.dataset.DatasetSpec;
import dev.alcove.core.dataset.FetchDatasets;
import dev.alcove.core.dataset.SourceLogin;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.http.HttpProxy;
import dev.alcove.core.io.UserPaths;
import dev.alcove.core.snapshot.TakeSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.config.StoreResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Snapshots a file or folder: checksums it, copies it into {@code data/snapshots/}, uploads every
 * file to the store by checksum, writes its metadata sidecar, and adds the step to {@code
 * alcove.yaml}. Without {@code alcove.source}, fetches the datasets declared in {@code <datasets>}
 * (or the one {@code alcove.dataset} names) and adds a version dated today to each whose bytes
 * changed since its latest snapshot.
 */
@Mojo(threadSafe = true, name = "snapshot")
public class SnapshotMojo extends AbstractAlcoveMojo {

  /**
   * The file or folder to snapshot; without it, the declared datasets are fetched. A leading {@code
   * ~} is the user's home, and a relative path is taken from the folder Maven was started in.
   */
  @Parameter(property = AlcoveProperties.SOURCE)
  private String source;

  /**
   * Datasets with their provenance: each a {@code <dataset>} with a {@code <name>} (no version), a
   * {@code <url>} ({@code https://}, {@code http://} or {@code file:}), and optionally {@code
   * <sha256>}, {@code <license>}, {@code <licenseUrl>}, {@code <sourceName>}, {@code
   * <description>}, which fill the sidecar of every version fetched, and {@code
   * <allowEmpty>true</allowEmpty>} where an empty file is a valid answer. Two datasets of one name
   * are refused.
   */
  @Parameter private List<Dataset> datasets = new ArrayList<>();

  /**
   * The dataset, e.g. {@code countries} or {@code countries/2024-07-26}; without a version, today's
   * date is appended.
   */
  @Parameter(property = AlcoveProperties.DATASET)
  private String dataset;

  /**
   * Replaces an existing snapshot's data, keeping the descriptive fields of its sidecar; for a
   * declared dataset that changed since today's version was fetched, replaces today's version.
   */
  @Parameter(property = AlcoveProperties.FORCE, defaultValue = "false")
  private boolean force;

  /**
   * Opens {@code $EDITOR} (or {@code $VISUAL}) on the sidecar afterwards, on an interactive
   * console.
   */
  @Parameter(property = AlcoveProperties.EDIT, defaultValue = "false")
  private boolean edit;

  /**
   * How long fetching one declared dataset may take as a whole, in seconds, retries and redirects
   * included; each read also gives up after 60 s of silence.
   */
  @Parameter(property = AlcoveProperties.FETCH_TIMEOUT, defaultValue = "1800")
  private int fetchTimeout;

  @Override
  protected void runGoal(GoalContext context) {
    if (source == null || source.isBlank()) {
      new FetchDatasets(
              context,
              openAlcove(),
              (datasets == null ? List.<Dataset>of() : datasets)
                  .stream().map(this::withLogin).toList(),
              session != null && session.isOffline(),
              new MavenArtifacts(
                  repositorySystem,
                  repositorySession,
                  project == null ? List.of() : project.getRemoteProjectRepositories()),
              proxies(),
              fetchTimeout())
          .fetch(Optional.ofNullable(dataset).filter(d -> !d.isBlank()), force);
      return;
    }
    Path from = UserPaths.resolve(source);
    context.log().info("source: " + from);
    TakeSnapshot.Result result =
        new TakeSnapshot(context, openAlcove()).snapshot(from, dataset, force);
    if (edit) {
      Editor.open(openAlcove().layout().snapshotSidecar(result.uri()), context.log());
    }
  }

  private java.time.Duration fetchTimeout() {
    if (fetchTimeout <= 0) {
      throw new AlcoveException(
          "-D"
              + AlcoveProperties.FETCH_TIMEOUT
              + "="
              + fetchTimeout
              + " is not a number of seconds above 0");
    }
    return java.time.Duration.ofSeconds(fetchTimeout);
  }

  /** The dataset, with the login of its {@code <serverId>}, if it names one. */
  private DatasetSpec withLogin(Dataset declared) {
    DatasetSpec spec = declared.toSpec();
    String id = declared.getServerId();
    if (id == null || id.isBlank()) {
      return spec;
    }
    String where = "<server> '" + id.strip() + "' in settings.xml";
    return ServerCredentials.find(
            settings, settingsDecrypter, id.strip(), "the user name", "the password")
        .map(keys -> spec.withLogin(new SourceLogin(keys.accessKey(), keys.secretKey(), where)))
        .orElseThrow(
            () -> new AlcoveException("pom <datasets> " + spec.name() + ": there is no " + where));
  }

  /** Maven's active proxies, else the environment's or .env's, as S3 traffic chooses them. */
  private Function<String, Optional<HttpProxy>> proxies() {
    return StoreResolver.proxies(directory.toPath(), storeOptions(), System.getenv(), log());
  }

  /**
   * Uploads need the store: offline Maven fails here, before any data is hashed (fetching declared
   * datasets offline only says what it skipped).
   */
  @Override
  protected Supplier<Depot> storeOpener() {
    if (source == null || source.isBlank()) {
      return super.storeOpener();
    }
    return StoreResolver.forUploads(directory.toPath(), storeOptions(), System.getenv(), log());
  }
}
