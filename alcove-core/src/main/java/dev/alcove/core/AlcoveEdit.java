package dev.alcove.core;

import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.io.AlcoveLock;
import dev.alcove.core.io.NoLinks;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.layout.DataGitignore;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A change to an alcove's shared files, made under its lock: the catalogue and {@code
 * data/.gitignore} are read again once the lock is held, so a change never writes back a copy that
 * another writer has changed meanwhile. Everything that writes {@code alcove.yaml} goes through
 * here; the writer itself is private to this package.
 *
 * <pre>{@code
 * try (AlcoveEdit edit = AlcoveEdit.begin(alcove, log)) {
 *   edit.addStep(step);
 * }
 * }</pre>
 */
public final class AlcoveEdit implements AutoCloseable {

  private final AlcoveLock lock;
  private Alcove alcove;

  private AlcoveEdit(AlcoveLock lock, Alcove alcove) {
    this.lock = lock;
    this.alcove = alcove;
  }

  /** Takes the alcove's lock (waiting for another writer) and reads the alcove again under it. */
  public static AlcoveEdit begin(Alcove opened, AlcoveLog log) {
    AlcoveLock lock = AlcoveLock.acquire(opened.layout().buildDir(), log);
    try {
      return new AlcoveEdit(lock, opened.reread());
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Creates an empty alcove in {@code root} under its lock; false, changing nothing, when one is
   * there already.
   */
  public static boolean initialise(Path root, AlcoveLog log) {
    AlcoveLayout layout = AlcoveLayout.withDefaults(root);
    try (AlcoveLock lock = AlcoveLock.acquire(layout.buildDir(), log)) {
      if (CatalogueFile.exists(root)) {
        return false;
      }
      ignoreInGit(layout, List.of(DataGitignore.TABLES_ENTRY));
      write(layout, Catalogue.empty());
      return true;
    }
  }

  /** The alcove as it is on disk now, with this edit's changes. */
  public Alcove alcove() {
    return alcove;
  }

  /** Fails, changing nothing, where adding {@code step} would make the catalogue invalid. */
  public void requireCanAdd(StepDeclaration step) {
    withStep(step);
  }

  /** Adds a step to {@code alcove.yaml}, unless it is there already; true if the file changed. */
  public boolean addStep(StepDeclaration step) {
    Optional<Alcove> changed = withStep(step);
    if (changed.isEmpty()) {
      return false;
    }
    write(changed.get().layout(), changed.get().fileCatalogue());
    alcove = changed.get();
    return true;
  }

  /** The alcove with {@code step} added (validated), or empty when it is there already. */
  private Optional<Alcove> withStep(StepDeclaration step) {
    if (alcove.fileCatalogue().contains(step.uri())) {
      return Optional.empty();
    }
    return Optional.of(alcove.withFileCatalogue(alcove.fileCatalogue().with(step)));
  }

  /** Takes a step out of {@code alcove.yaml}; true if it was there. */
  public boolean removeStep(StepUri uri) {
    if (!alcove.fileCatalogue().contains(uri)) {
      return false;
    }
    Alcove changed = alcove.withFileCatalogue(alcove.fileCatalogue().without(uri));
    write(changed.layout(), changed.fileCatalogue());
    alcove = changed;
    return true;
  }

  /** Adds the entries {@code data/.gitignore} does not list yet; true if the file changed. */
  public boolean ignoreInGit(List<String> entries) {
    return ignoreInGit(alcove.layout(), entries);
  }

  /** Takes entries out of {@code data/.gitignore}; true if the file changed. */
  public boolean stopIgnoringInGit(List<String> entries) {
    NoLinks.requireBelow(alcove.layout().dataDir(), alcove.layout().dataGitignore());
    return new DataGitignore(alcove.layout()).remove(entries);
  }

  private static boolean ignoreInGit(AlcoveLayout layout, List<String> entries) {
    NoLinks.requireBelow(layout.dataDir(), layout.dataGitignore());
    return new DataGitignore(layout).ensure(entries);
  }

  private static void write(AlcoveLayout layout, Catalogue catalogue) {
    NoLinks.requireBelow(layout.root(), CatalogueFile.path(layout.root()));
    CatalogueFile.write(layout.root(), catalogue);
  }

  @Override
  public void close() {
    lock.close();
  }
}
