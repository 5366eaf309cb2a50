package dev.alcove.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.repository.LocalRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java steps' libraries come from Maven's resolver; when it cannot find them, one line says so. */
@MojoTest
@Basedir("target/test-classes/unit/basic")
class RuntimeLibrariesTest {

  @TempDir Path emptyRepository;

  @Test
  @InjectMojo(goal = "run", pom = "pom.xml")
  void librariesThatCannotBeResolvedAreOneLineNamingTheArtifact(RunMojo run) {
    assertThat(run.repositorySystem).isNotNull();
    DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
    session.setLocalRepositoryManager(
        run.repositorySystem.newLocalRepositoryManager(
            session, new LocalRepository(emptyRepository.toFile())));
    session.setOffline(true);

    assertThatThrownBy(
            () ->
                new RuntimeLibraries(run.repositorySystem, session, List.of(), "0.0.0-nowhere")
                    .resolve(RuntimeLibraries.JAVA_STEPS))
        .isInstanceOf(AlcoveException.class)
        .hasMessageStartingWith(
            "cannot resolve dev.alcove:alcove-java-step-libraries:0.0.0-nowhere, the libraries Java steps run with (")
        .hasMessageEndingWith("): run once online, or check the plugin repositories")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
