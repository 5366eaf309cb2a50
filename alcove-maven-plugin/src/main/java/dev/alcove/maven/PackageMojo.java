package dev.alcove.maven;

import dev.alcove.core.Alcove;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Attaches the tables listed in {@code <publish>} to the project, each Parquet file as an artifact
 * of type {@code parquet} with a classifier made of its path ({@code table://population/by-region
 * /latest}: {@code population-by-region}) and its metadata beside it (type {@code meta.yaml}), so
 * that {@code mvn install} and {@code mvn deploy} put them into a Maven repository. Another project
 * consumes one as the dataset {@code mvn:group:artifact:version:parquet:classifier}. Bound to
 * {@code package}; a table that is not built, or whose file is not the one its metadata records,
 * fails the build.
 */
@Mojo(threadSafe = true, name = "package", defaultPhase = LifecyclePhase.PACKAGE)
public class PackageMojo extends AbstractAlcoveMojo {

  /** The tables to publish, each a {@code <table>} URI, e.g. {@code table://x/latest}. */
  @Parameter private List<String> publish = new ArrayList<>();

  @Component private MavenProjectHelper projectHelper;

  @Override
  protected void runGoal(GoalContext context) {
    if (publish == null || publish.isEmpty()) {
      context.log().info("nothing to publish: list tables in <publish>");
      return;
    }
    Alcove alcove = openAlcove();
    Map<String, StepUri> tables = classifiers(publish);
    TableData tableData = TableData.of(alcove.layout(), context);
    for (Map.Entry<String, StepUri> published : tables.entrySet()) {
      StepUri uri = published.getValue();
      if (!uri.isTable() || !alcove.catalogue().contains(uri)) {
        throw new AlcoveException("pom <publish>: " + uri + " is not a table of the catalogue");
      }
      Path sidecar = alcove.layout().tableSidecar(uri);
      TableMetadata metadata;
      try {
        metadata = TableMetadata.read(sidecar, uri);
      } catch (NoSuchFileException e) {
        throw new AlcoveException(uri + " is not built: run alcove:run before packaging it");
      }
      Path parquet = tableData.local(uri, "pom <publish>");
      if (!Files.isRegularFile(parquet) || !Sha256.ofFile(parquet).equals(metadata.checksum())) {
        throw new AlcoveException(
            uri + " is not the table its metadata records: run alcove:run before packaging it");
      }
      String classifier = published.getKey();
      projectHelper.attachArtifact(project, "parquet", classifier, parquet.toFile());
      projectHelper.attachArtifact(project, "meta.yaml", classifier, sidecar.toFile());
      context
          .log()
          .info(
              "publishing "
                  + uri
                  + " as "
                  + project.getGroupId()
                  + ":"
                  + project.getArtifactId()
                  + ":"
                  + project.getVersion()
                  + ":parquet:"
                  + classifier);
    }
  }

  /**
   * Each table of {@code <publish>} by its classifier; two tables whose classifiers would be the
   * same ({@code a/b-c} and {@code a-b/c}) are refused before anything is attached, since Maven
   * would keep only one of them.
   */
  static Map<String, StepUri> classifiers(List<String> publish) {
    Map<String, StepUri> tables = new LinkedHashMap<>();
    for (String name : publish) {
      StepUri uri;
      try {
        uri = StepUri.parse(name.strip());
      } catch (AlcoveException e) {
        throw new AlcoveException("pom <publish>: " + e.getMessage());
      }
      StepUri other = tables.putIfAbsent(classifierOf(uri), uri);
      if (other != null) {
        throw new AlcoveException(
            "pom <publish>: "
                + other
                + (other.equals(uri) ? " is listed twice" : " and " + uri)
                + (other.equals(uri)
                    ? ""
                    : " would both be published with the classifier " + classifierOf(uri))
                + ": publish each table once, under a name no other table shares");
      }
    }
    return tables;
  }

  /**
   * The table's path, with {@code -} for {@code /}, and its version unless it is {@code latest}.
   */
  static String classifierOf(StepUri uri) {
    String path = uri.datasetPath().replace('/', '-');
    return uri.isLatest() ? path : path + "-" + uri.version();
  }
}
