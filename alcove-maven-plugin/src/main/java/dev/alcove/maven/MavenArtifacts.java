package dev.alcove.maven;

import dev.alcove.core.dataset.ArtifactSource;
import dev.alcove.core.errors.AlcoveException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * {@code mvn:} datasets, resolved as Maven resolves any artifact: the project's repositories,
 * mirrors, authentication and offline mode as Maven has them.
 */
final class MavenArtifacts implements ArtifactSource {

  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;

  MavenArtifacts(
      RepositorySystem system,
      RepositorySystemSession session,
      List<RemoteRepository> repositories) {
    this.system = system;
    this.session = session;
    this.repositories = repositories;
  }

  /** {@code group:artifact:version[:type[:classifier]]}, the order of the dataset's URL. */
  @Override
  public Path resolve(String coordinates) {
    String[] parts = coordinates.split(":");
    String type = parts.length > 3 ? parts[3] : "jar";
    String classifier = parts.length > 4 ? parts[4] : "";
    DefaultArtifact artifact = new DefaultArtifact(parts[0], parts[1], classifier, type, parts[2]);
    try {
      return system
          .resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
          .getArtifact()
          .getFile()
          .toPath();
    } catch (ArtifactResolutionException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new AlcoveException(
          "cannot resolve mvn:"
              + coordinates
              + " ("
              + reason
              + "): check the coordinate and the project's repositories; nothing was stored");
    }
  }
}
