package dev.alcove.core;

import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import java.nio.file.Path;
import java.util.List;

/**
 * An opened alcove: its folder, the catalogue in {@code alcove.yaml}, and the steps declared
 * elsewhere (the pom). Goals work on the union; changes are written to {@code alcove.yaml} only.
 */
public final class Alcove {

  /** How the place where non-file steps come from is named in messages. */
  public static final String POM_PLACE = "the pom's <steps>";

  public static final String POM_DATASETS_PLACE = "the pom's <datasets>";

  private final Path root;
  private final Catalogue fileCatalogue;
  private final List<StepDeclaration> declaredSteps;
  private final Catalogue catalogue;
  private final AlcoveLayout layout;

  private Alcove(Path root, Catalogue fileCatalogue, List<StepDeclaration> declaredSteps) {
    this.root = root.toAbsolutePath().normalize();
    this.fileCatalogue = fileCatalogue;
    this.declaredSteps = List.copyOf(declaredSteps);
    this.catalogue = fileCatalogue.mergedWith(declaredSteps, CatalogueFile.FILE_NAME, POM_PLACE);
    this.catalogue.validate(POM_PLACE);
    this.layout = AlcoveLayout.of(this.root, fileCatalogue);
  }

  /** Opens the alcove in {@code root}; fails with a hint to run init when there is none. */
  public static Alcove open(Path root, List<StepDeclaration> declaredSteps) {
    return new Alcove(root, CatalogueFile.read(root), declaredSteps);
  }

  public static Alcove open(Path root) {
    return open(root, List.of());
  }

  public Path root() {
    return root;
  }

  public AlcoveLayout layout() {
    return layout;
  }

  /** Every step: alcove.yaml plus the pom. */
  public Catalogue catalogue() {
    return catalogue;
  }

  /** The steps in alcove.yaml only. */
  public Catalogue fileCatalogue() {
    return fileCatalogue;
  }

  /** The same alcove with another {@code alcove.yaml} content; writes nothing. */
  public Alcove withFileCatalogue(Catalogue updated) {
    return new Alcove(root, updated, declaredSteps);
  }

  /** The alcove as its files say now: {@code alcove.yaml} read again, the pom's steps kept. */
  public Alcove reread() {
    return open(root, declaredSteps);
  }

  /** Begins a change to the alcove's shared files under its lock. */
  public AlcoveEdit edit(AlcoveLog log) {
    return AlcoveEdit.begin(this, log);
  }
}
