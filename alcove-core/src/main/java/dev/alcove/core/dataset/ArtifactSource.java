package dev.alcove.core.dataset;

import java.nio.file.Path;

/**
 * Where {@code mvn:} datasets come from: the front end's artifact resolver (Maven's, with the
 * project's repositories, mirrors, authentication and offline mode as Maven has them).
 */
@FunctionalInterface
public interface ArtifactSource {

  /**
   * The file of {@code group:artifact:version[:type[:classifier]]}, resolved, or one clear error.
   */
  Path resolve(String coordinates);

  ArtifactSource NONE =
      coordinates -> {
        throw new dev.alcove.core.errors.AlcoveException(
            "mvn:" + coordinates + " cannot be resolved here: mvn: datasets need Maven");
      };
}
