package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.snapshot.TakeSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.StoreResolver;
import java.io.File;
import java.util.function.Supplier;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Snapshots a file or folder: checksums it, copies it into {@code data/snapshots/}, uploads every
 * file to the store by checksum, writes its metadata sidecar, and adds the step to {@code
 * alcove.yaml}.
 */
@Mojo(threadSafe = true, name = "snapshot", requiresProject = false)
public class SnapshotMojo extends AbstractAlcoveMojo {

  /** The file or folder to snapshot. */
  @Parameter(property = AlcoveProperties.SOURCE)
  private File source;

  /**
   * The dataset, e.g. {@code countries} or {@code countries/2024-07-26}; without a version, today's
   * date is appended.
   */
  @Parameter(property = AlcoveProperties.DATASET)
  private String dataset;

  /** Replaces an existing snapshot's data, keeping the descriptive fields of its sidecar. */
  @Parameter(property = AlcoveProperties.FORCE, defaultValue = "false")
  private boolean force;

  /**
   * Opens {@code $EDITOR} (or {@code $VISUAL}) on the sidecar afterwards, on an interactive
   * console.
   */
  @Parameter(property = AlcoveProperties.EDIT, defaultValue = "false")
  private boolean edit;

  @Override
  protected void runGoal(GoalContext context) {
    TakeSnapshot.Result result =
        new TakeSnapshot(context, openAlcove())
            .snapshot(source == null ? null : source.toPath(), dataset, force);
    if (edit) {
      Editor.open(openAlcove().layout().snapshotSidecar(result.uri()), context.log());
    }
  }

  /** Uploads need the store: offline Maven fails here, before any data is hashed. */
  @Override
  protected Supplier<Depot> storeOpener() {
    return StoreResolver.forUploads(directory.toPath(), storeOptions(), System.getenv(), log());
  }
}
