package dev.alcove.maven;

import dev.alcove.core.errors.AlcoveException;
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
 * Libraries the plugin resolves only when they are needed, as a POM of this project with its
 * dependencies, so that no other goal pays for Maven loading them: {@link #JAVA_STEPS}
 * (parquet-avro and the Hadoop classes a Java step finds on its class path besides the project's
 * own), and {@link #AWS_CREDENTIALS} (the AWS SDK's credential chain, asked when S3 is configured
 * without keys).
 */
final class RuntimeLibraries {

  static final String GROUP = "dev.alcove";

  /** An artifact (a POM of libraries, or a jar with its own), and what it is for, for messages. */
  record Kind(String artifact, String extension, String purpose) {}

  static final Kind JAVA_STEPS =
      new Kind("alcove-java-step-libraries", "pom", "the libraries Java steps run with");
  static final Kind AWS_CREDENTIALS =
      new Kind("alcove-aws-credentials", "pom", "the AWS SDK's credential chain");
  static final Kind SPARK =
      new Kind("alcove-spark", "jar", "the Spark Connect client Spark steps run with");

  private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;
  private final String version;

  RuntimeLibraries(
      RepositorySystem system,
      RepositorySystemSession session,
      List<RemoteRepository> repositories,
      String version) {
    this.system = system;
    this.session = session;
    this.repositories = repositories;
    this.version = version;
  }

  /** The jars of {@code kind}, with their dependencies, resolved now. */
  List<Path> resolve(Kind kind) {
    String coordinates = GROUP + ":" + kind.artifact() + ":" + version;
    CollectRequest collect =
        new CollectRequest(
            new Dependency(
                new DefaultArtifact(GROUP, kind.artifact(), kind.extension(), version), "runtime"),
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
              + ", "
              + kind.purpose()
              + " ("
              + reason
              + "): run once online, or check the plugin repositories");
    }
  }
}
