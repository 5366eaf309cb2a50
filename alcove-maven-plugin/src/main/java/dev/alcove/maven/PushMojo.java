package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.snapshot.PushSnapshots;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.store.config.StoreResolver;
import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Moves a lone alcove to S3: uploads to the configured bucket every object that a snapshot names
 * and the bucket lacks, from the alcove's data or from the local store it used before (each copy
 * verified against its checksum first), with progress. It asks the bucket in bulk what it holds, so
 * a second push uploads nothing, and one that is interrupted goes on where it stopped when run
 * again. Afterwards {@code alcove:audit -Dalcove.remote=true} finds nothing missing.
 */
@Mojo(threadSafe = true, name = "push")
public class PushMojo extends AbstractAlcoveMojo {

  @Override
  protected void runGoal(GoalContext context) {
    java.nio.file.Path local = storeOptions().localStore();
    new PushSnapshots(
            context,
            openAlcove(),
            Files.isDirectory(local)
                ? Optional.of(new LocalDirectoryStore(local, "local store " + local))
                : Optional.empty())
        .push();
  }

  /** Offline Maven fails here, before anything is read. */
  @Override
  protected Supplier<Depot> storeOpener() {
    return StoreResolver.forUploads(directory.toPath(), storeOptions(), System.getenv(), log());
  }
}
