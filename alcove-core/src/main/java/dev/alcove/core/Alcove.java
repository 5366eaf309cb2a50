package dev.alcove.core;

import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import java.nio.file.Path;
import java.util.List;

/**
 * An opened alcove: its folder, the catalogue in {@code alcove.yaml}, and the steps declared
 * elsewhere (the pom). Goals work on the union; changes are written to {@code alcove.yaml} only.
 */
public final class Alcove {

  private final Path root;
  private final Catalogue fileCatalogue;
  private final List<StepDeclaration> declaredSteps;
  private final Catalogue catalogue;
  private final AlcoveLayout layout;
  private final FrontEnd frontEnd;

  /** The bytes of {@code alcove.yaml} the file catalogue was parsed from; null when edited here. */
  private final byte[] catalogueBytes;

  private Alcove(
      Path root,
      Catalogue fileCatalogue,
      byte[] catalogueBytes,
      List<StepDeclaration> declaredSteps,
      FrontEnd frontEnd) {
    this.frontEnd = frontEnd;
    this.catalogueBytes = catalogueBytes;
    this.root = root.toAbsolutePath().normalize();
    this.fileCatalogue = fileCatalogue;
    this.declaredSteps = List.copyOf(declaredSteps);
    this.catalogue =
        fileCatalogue.mergedWith(declaredSteps, CatalogueFile.FILE_NAME, frontEnd.declaredSteps());
    this.catalogue.validate(frontEnd.declaredSteps());
    this.layout = AlcoveLayout.of(this.root, fileCatalogue);
  }

  /**
   * Opens the alcove in {@code root}; fails with a hint to run init, in {@code frontEnd}'s words,
   * when there is none.
   */
  public static Alcove open(Path root, List<StepDeclaration> declaredSteps, FrontEnd frontEnd) {
    byte[] bytes = CatalogueFile.bytes(root, frontEnd);
    return new Alcove(root, CatalogueFile.parse(root, bytes), bytes, declaredSteps, frontEnd);
  }

  /** As above, in no tool's words. */
  public static Alcove open(Path root, List<StepDeclaration> declaredSteps) {
    return open(root, declaredSteps, FrontEnd.NEUTRAL);
  }

  public static Alcove open(Path root) {
    return open(root, List.of());
  }

  /** The front end whose words messages about this alcove use. */
  public FrontEnd frontEnd() {
    return frontEnd;
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
    return new Alcove(root, updated, null, declaredSteps, frontEnd);
  }

  /** The alcove as its files say now: {@code alcove.yaml} read again, the pom's steps kept. */
  public Alcove reread() {
    // Parsing a catalogue of 5,000 steps is most of a run with nothing to do: unchanged bytes are
    // not parsed again (an alcove is immutable).
    byte[] bytes = CatalogueFile.bytes(root, frontEnd);
    if (java.util.Arrays.equals(bytes, catalogueBytes)) {
      return this;
    }
    return new Alcove(root, CatalogueFile.parse(root, bytes), bytes, declaredSteps, frontEnd);
  }

  /** Begins a change to the alcove's shared files under its lock. */
  public AlcoveEdit edit(AlcoveLog log) {
    return AlcoveEdit.begin(this, log);
  }
}
