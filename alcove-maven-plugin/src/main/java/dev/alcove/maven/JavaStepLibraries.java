package dev.alcove.maven;

import dev.alcove.core.AlcoveException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The libraries a Java step finds on its class path besides the project's own: the POM {@code
 * dev.alcove:alcove-java-step-libraries} of the plugin's version (parquet-avro and the Hadoop
 * classes it needs), resolved with its dependencies when a Java step first runs. They are not the
 * plugin's dependencies, so no other goal pays for Maven loading some 30 more artifacts.
 */
final class JavaStepLibraries {

  static final String GROUP = "dev.alcove";
  static final String ARTIFACT = "alcove-java-step-libraries";

  private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;
  private final String version;

  JavaStepLibraries(
      RepositorySystem system,
      RepositorySystemSession session,
      List<RemoteRepository> repositories,
      String version) {
    this.system = system;
    this.session = session;
    this.repositories = repositories;
    this.version = version;
  }

  List<Path> resolve() {
    String coordinates = GROUP + ":" + ARTIFACT + ":" + version;
    CollectRequest collect =
        new CollectRequest(
            new Dependency(new DefaultArtifact(GROUP, ARTIFACT, "pom", version), "runtime"),
            repositories);
    DependencyFilter runtime =
        (node, parents) ->
            node.getDependency() == null
                || RUNTIME_SCOPES.contains(node.getDependency().getScope());
    try {
      return system
          .resolveDependencies(session, new DependencyRequest(collect, runtime))
          .getArtifactResults()
          .stream()
          .map(ArtifactResult::getArtifact)
          .filter(artifact -> "jar".equals(artifact.getExtension()))
          .map(Artifact::getFile)
          .map(java.io.File::toPath)
          .toList();
    } catch (DependencyResolutionException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new AlcoveException(
          "cannot resolve "
              + coordinates
              + ", the libraries Java steps run with ("
              + reason
              + "): run once online, or check the plugin repositories");
    }
  }
}
