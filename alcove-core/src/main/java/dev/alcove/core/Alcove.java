package dev.alcove.core;

import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.catalogue.KeptCatalogue;
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

  /** Whether the file catalogue came from its kept parsed form. */
  private final boolean catalogueFromKept;

  private Alcove(
      Path root,
      Catalogue fileCatalogue,
      byte[] catalogueBytes,
      boolean catalogueFromKept,
      List<StepDeclaration> declaredSteps,
      FrontEnd frontEnd) {
    this.frontEnd = frontEnd;
    this.catalogueBytes = catalogueBytes;
    this.catalogueFromKept = catalogueFromKept;
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
    return parsed(root, CatalogueFile.bytes(root, frontEnd), declaredSteps, frontEnd);
  }

  /** The alcove whose {@code alcove.yaml} holds {@code bytes}, from their kept parse if any. */
  private static Alcove parsed(
      Path root, byte[] bytes, List<StepDeclaration> declaredSteps, FrontEnd frontEnd) {
    java.util.Optional<Catalogue> kept =
        KeptCatalogue.read(AlcoveLayout.withDefaults(root).buildDir(), bytes);
    return new Alcove(
        root,
        kept.orElseGet(() -> CatalogueFile.parse(root, bytes)),
        bytes,
        kept.isPresent(),
        declaredSteps,
        frontEnd);
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
    return new Alcove(root, updated, null, false, declaredSteps, frontEnd);
  }

  /** The alcove as its files say now: {@code alcove.yaml} read again, the pom's steps kept. */
  public Alcove reread() {
    // Parsing a catalogue of 5,000 steps is most of a run with nothing to do: unchanged bytes are
    // not parsed again (an alcove is immutable).
    byte[] bytes = CatalogueFile.bytes(root, frontEnd);
    if (java.util.Arrays.equals(bytes, catalogueBytes)) {
      return this;
    }
    return parsed(root, bytes, declaredSteps, frontEnd);
  }

  /**
   * Keeps the parse of {@code alcove.yaml} in the build state for the next goals, as a run keeps
   * its stat cache; a failure only costs time.
   */
  public void keepParsedCatalogue() {
    if (catalogueBytes != null && !catalogueFromKept) {
      KeptCatalogue.keep(layout.buildDir(), catalogueBytes, fileCatalogue);
    }
  }

  /** Begins a change to the alcove's shared files under its lock. */
  public AlcoveEdit edit(AlcoveLog log) {
    return AlcoveEdit.begin(this, log);
  }
}
