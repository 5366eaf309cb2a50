package dev.alcove.maven;

import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.frontend.Setting;

/**
 * The core's messages in Maven's words: each setting is the property of {@link AlcoveProperties}
 * that the goals read, so a message names exactly what the user types. A setting the core adds
 * without a property here does not compile.
 */
final class MavenFrontEnd implements FrontEnd {

  static final MavenFrontEnd INSTANCE = new MavenFrontEnd();

  private MavenFrontEnd() {}

  @Override
  public String set(Setting setting, String value) {
    return "-D" + property(setting) + "=" + value;
  }

  static String property(Setting setting) {
    return switch (setting) {
      case SOURCE -> AlcoveProperties.SOURCE;
      case DATASET -> AlcoveProperties.DATASET;
      case FORCE -> AlcoveProperties.FORCE;
      case TABLE -> AlcoveProperties.TABLE;
      case STEP -> AlcoveProperties.STEP;
      case DATABASE -> AlcoveProperties.DATABASE;
      case FIX -> AlcoveProperties.FIX;
      case STORE -> AlcoveProperties.STORE;
      case CACHE_DIR -> AlcoveProperties.CACHE_DIR;
      case DOWNLOAD -> AlcoveProperties.DOWNLOAD;
      case THREADS -> AlcoveProperties.THREADS;
      case NAMES -> AlcoveProperties.NAMES;
      case FORMAT -> AlcoveProperties.FORMAT;
      case SELECT -> AlcoveProperties.SELECT;
      case EXCLUDE -> AlcoveProperties.EXCLUDE;
      case CACHE -> AlcoveProperties.CACHE;
      case GC_DELETE -> AlcoveProperties.GC_DELETE;
      case FETCH_TIMEOUT -> AlcoveProperties.FETCH_TIMEOUT;
      case FROM -> AlcoveProperties.FROM;
      case TO -> AlcoveProperties.TO;
      case KEY -> AlcoveProperties.KEY;
      case AGAINST -> AlcoveProperties.AGAINST;
      case PREVIOUS -> AlcoveProperties.PREVIOUS;
      case FAIL_ON_CHANGE -> AlcoveProperties.FAIL_ON_CHANGE;
      case SPARK_STORE_ACCESS -> AlcoveProperties.SPARK_STORE_ACCESS;
    };
  }

  @Override
  public String run(Goal goal) {
    return "mvn alcove:"
        + switch (goal) {
          case INIT -> "init";
          case SNAPSHOT -> "snapshot";
          case NEW_TABLE -> "new-table";
          case RUN -> "run";
          case AUDIT -> "audit";
          case LIST -> "list";
          case REMOVE -> "remove";
          case GC -> "gc";
          case DB -> "db";
          case EXPORT_DUCKDB -> "export-duckdb";
          case GRAPH -> "graph";
          case CATALOGUE -> "catalogue";
          case PACKAGE -> "package";
          case PUSH -> "push";
          case HELP -> "help";
          case DIFF -> "diff";
        };
  }

  @Override
  public String offline() {
    return "Maven is offline (-o)";
  }

  @Override
  public String declaredSteps() {
    return "the pom's <steps>";
  }

  @Override
  public String declaredDatasets() {
    return "the pom's <datasets>";
  }

  @Override
  public String datasetLogin() {
    return "a <serverId> in the dataset naming a settings.xml <server>";
  }
}
