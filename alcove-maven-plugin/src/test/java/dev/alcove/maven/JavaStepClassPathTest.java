package dev.alcove.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

/**
 * A Java step's class path, and so its key, is the same whichever Maven runs the plugin and
 * wherever the plugin comes from: only DuckDB's driver is taken from the plugin's artifacts.
 */
class JavaStepClassPathTest {

  @Test
  void onlyDuckDbComesFromThePluginsArtifacts() {
    List<Artifact> plugin =
        List.of(
            artifact("org.duckdb", "duckdb_jdbc", "/m2/duckdb_jdbc-2.0.0.1.jar"),
            // Maven 3.8 injects it; 3.9 does not.
            artifact("org.codehaus.plexus", "plexus-utils", "/m2/plexus-utils-1.1.jar"),
            // From the reactor a class folder, from ~/.m2 a jar.
            artifact("dev.alcove", "alcove-core", "/work/alcove-core/target/classes"),
            artifact("org.apache.maven.reporting", "maven-reporting-api", "/m2/api.jar"),
            artifact("org.yaml", "snakeyaml", "/m2/snakeyaml.jar"));

    assertThat(AbstractAlcoveMojo.stepArtifactsOfThePlugin(plugin))
        .containsExactly(new File("/m2/duckdb_jdbc-2.0.0.1.jar"));
  }

  private static Artifact artifact(String group, String name, String file) {
    DefaultArtifact artifact =
        new DefaultArtifact(group, name, "1", "runtime", "jar", null, new DefaultArtifactHandler());
    artifact.setFile(new File(file));
    return artifact;
  }
}
