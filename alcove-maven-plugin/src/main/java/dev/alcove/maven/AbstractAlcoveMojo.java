package dev.alcove.maven;

import dev.alcove.core.Alcove;
import dev.alcove.core.cache.CacheOptions;
import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.concurrent.Parallel;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.io.FileNameEncoding;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.spark.RecordedVersionSpark;
import dev.alcove.core.spark.SparkProcess;
import dev.alcove.core.spark.SparkSettings;
import dev.alcove.core.spark.SparkSql;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.DotEnv;
import dev.alcove.core.store.config.StoreConfiguration;
import dev.alcove.core.store.config.StoreOptions;
import dev.alcove.core.store.config.StoreResolver;
import dev.alcove.core.store.s3.CredentialSource;
import dev.alcove.core.store.s3.SdkCredentialChain;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * What every alcove goal shares: where the alcove is, the steps declared in the pom, and {@code
 * alcove.skip}. A goal implements {@link #runGoal()}, which makes one call into the core; this
 * class turns the core's errors into Maven's: {@link AlcoveException} (the user's data or
 * configuration is wrong) into a build failure with its one-line message, anything else into an
 * execution error.
 */
public abstract class AbstractAlcoveMojo extends AbstractMojo {

  /** The alcove: the folder that holds {@code alcove.yaml}. Defaults to the project's folder. */
  @Parameter(property = AlcoveProperties.DIRECTORY, defaultValue = "${project.basedir}")
  protected File directory;

  /** Skips the goal. */
  @Parameter(property = AlcoveProperties.SKIP, defaultValue = "false")
  protected boolean skip;

  /**
   * Steps declared in the pom, in addition to those in {@code alcove.yaml}. Each is a {@code
   * <step>} with a {@code <uri>} and a list of {@code <dependencies>}. A step declared in both
   * places must have the same dependencies in both.
   */
  @Parameter protected List<Step> steps = new ArrayList<>();

  /**
   * Which store holds the snapshots' bytes, and its settings: a kind's element and its settings
   * inside it, e.g. {@code <store><s3><bucket>lake</bucket></s3></store>}. Naming a kind chooses
   * it; without one, S3 is used when a bucket or {@code S3_ENDPOINT_URL} is found in the pom, the
   * environment or {@code .env}, the local store otherwise. The short form {@code
   * <store>folder</store>} (or {@code -Dalcove.store}) sets the local store's folder, {@code
   * ~/.local/share/alcove/store} by default. Every kind's settings are listed by {@code alcove:help
   * -Ddetail}.
   */
  @Parameter protected PlexusConfiguration store;

  /**
   * The local cache in front of S3, shared with the Python tool: a copy of every object downloaded
   * from S3 (a snapshot's upload adds none, its copy in the alcove serves), asked before S3 and,
   * offline, instead of it. Defaults to {@code ~/.cache/alcove}.
   */
  @Parameter(property = AlcoveProperties.CACHE_DIR)
  protected File cacheDir;

  /**
   * The table cache: {@code true} (the default) looks every out-of-date table up by its key in the
   * store and restores it from there when another machine (or this one, on another branch) built
   * it; {@code false} neither looks up nor pushes. Before 0.2 this property named the local cache
   * folder, which is now {@code alcove.cacheDir}.
   */
  @Parameter(property = AlcoveProperties.CACHE, defaultValue = "true")
  protected String cache;

  /**
   * Whether {@code alcove:run} pushes the tables it builds to the store for others to restore.
   * Defaults to {@code true} for the local store and {@code false} for S3, where a team usually
   * pushes from CI only ({@code -Dalcove.cache.push=true} there). Built tables always go to the
   * local cache in front of S3.
   */
  @Parameter(property = AlcoveProperties.CACHE_PUSH)
  protected Boolean cachePush;

  /** The S3 bucket ({@code <store><s3><bucket>} for short); overrides {@code S3_BUCKET_NAME}. */
  @Parameter(property = AlcoveProperties.BUCKET)
  protected String bucket;

  /**
   * The S3 endpoint URL ({@code <store><s3><endpoint>} for short); overrides {@code
   * S3_ENDPOINT_URL}.
   */
  @Parameter(property = AlcoveProperties.ENDPOINT)
  protected String endpoint;

  /** The bucket's region ({@code <store><s3><region>} for short); overrides {@code AWS_REGION}. */
  @Parameter(property = AlcoveProperties.REGION)
  protected String region;

  /** S3 path-style ({@code true}) or virtual-hosted addressing: {@code <store><s3><pathStyle>}. */
  @Parameter(property = AlcoveProperties.PATH_STYLE)
  protected String pathStyle;

  /** A key prefix inside the S3 bucket, e.g. {@code team/alcove}: {@code <store><s3><prefix>}. */
  @Parameter(property = AlcoveProperties.PREFIX)
  protected String prefix;

  /**
   * The id of a {@code <server>} in {@code settings.xml} whose username and password are the S3
   * access key and secret key (passwords encrypted with Maven's settings security work). When the
   * server exists, its keys win over {@code S3_ACCESS_KEY} and {@code S3_SECRET_KEY}.
   */
  @Parameter(property = AlcoveProperties.SERVER_ID, defaultValue = "alcove")
  protected String serverId;

  /**
   * The Spark Connect server that tables with {@code engine: spark} run on: {@code
   * sc://host:15002}, with {@code /;use_ssl=true} for TLS. Unset, {@code SPARK_REMOTE} from the
   * environment or {@code .env} is used (it may carry {@code ;token=...}). Read only when a Spark
   * step runs.
   */
  @Parameter(property = AlcoveProperties.SPARK)
  protected String spark;

  /**
   * The id of a {@code <server>} in {@code settings.xml} whose password is the Spark Connect token
   * (its username is not used); it wins over a token in {@code SPARK_REMOTE}. Never printed.
   */
  @Parameter(property = AlcoveProperties.SPARK_SERVER_ID, defaultValue = "alcove-spark")
  protected String sparkServerId;

  /**
   * Whether each Spark session is handed the store's S3 settings and keys (endpoint, addressing,
   * region, for the store's bucket only), for a Spark server that is not set up to reach the store
   * itself. Off by default: a cluster reads the store with its own credentials (an instance role,
   * its own {@code fs.s3a.*} settings), and the keys of this machine stay here.
   */
  @Parameter(property = AlcoveProperties.SPARK_STORE_ACCESS, defaultValue = "false")
  protected boolean sparkStoreAccess;

  /** Seconds to wait for the Spark Connect server to answer when the first Spark step starts. */
  @Parameter(property = AlcoveProperties.SPARK_TIMEOUT, defaultValue = "60")
  protected int sparkTimeout;

  /** Threads for hashing, transfers and independent steps. Defaults to the number of cores. */
  @Parameter(property = AlcoveProperties.THREADS)
  protected Integer threads;

  @Parameter(defaultValue = "${settings}", readonly = true)
  protected Settings settings;

  @Parameter(defaultValue = "${session}", readonly = true)
  protected MavenSession session;

  @Component protected SettingsDecrypter settingsDecrypter;

  @Parameter(defaultValue = "${project}", readonly = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true)
  protected List<Artifact> pluginArtifacts;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  protected String pluginVersion;

  @Component protected RepositorySystem repositorySystem;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
  protected RepositorySystemSession repositorySession;

  @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
  protected List<RemoteRepository> pluginRepositories;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  private MojoExecution mojoExecution;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("alcove: skipped (" + AlcoveProperties.SKIP + "=true)");
      return;
    }
    if (!hasAlcove()) {
      Optional<String> notHere = whyNotHere();
      if (notHere.isPresent()) {
        getLog().info("alcove: skipped: " + notHere.get());
        return;
      }
    }
    inContext(this::runGoal);
  }

  /**
   * Why a project without an alcove is skipped rather than failed, if it is: a goal the lifecycle
   * runs (the plugin declared in a parent applies to every module, data-less jar modules too), or
   * any goal run on a reactor of several projects ({@code mvn alcove:list} from the root works on
   * the modules that have an alcove, as {@code mvn test} does on those with tests). Run by hand on
   * one project, a goal still fails there, naming the folder.
   */
  private Optional<String> whyNotHere() {
    if (project == null || project.getBasedir() == null) {
      return Optional.empty();
    }
    boolean reactor = session != null && session.getProjects().size() > 1;
    boolean lifecycle =
        mojoExecution != null && mojoExecution.getSource() == MojoExecution.Source.LIFECYCLE;
    boolean aggregator = "pom".equals(project.getPackaging()) && !project.getModules().isEmpty();
    String name = project.getArtifactId();
    if (createsAlcove()) {
      return reactor
          ? Optional.of(
              "not initialised "
                  + name
                  + ": in a multi-module build, initialise one module with mvn alcove:init -pl "
                  + (aggregator ? "<module>" : modulePath()))
          : Optional.empty();
    }
    if (!reactor && !lifecycle) {
      return Optional.empty();
    }
    return Optional.of(
        aggregator
            ? name + " aggregates modules and has no alcove.yaml (its modules have their own)"
            : name + " has no alcove.yaml (mvn alcove:init -pl " + modulePath() + " gives it one)");
  }

  /** The project's folder as {@code -pl} takes it, from where Maven was started. */
  private String modulePath() {
    if (session == null || session.getExecutionRootDirectory() == null) {
      return project.getArtifactId();
    }
    String relative =
        Path.of(session.getExecutionRootDirectory())
            .toAbsolutePath()
            .relativize(project.getBasedir().toPath().toAbsolutePath())
            .toString();
    return relative.isEmpty() ? "." : relative;
  }

  /** Whether the goal makes the alcove ({@code init}), rather than needing one. */
  protected boolean createsAlcove() {
    return false;
  }

  /** Whether {@link #directory} holds an alcove. */
  protected boolean hasAlcove() {
    return Files.isRegularFile(directory.toPath().resolve(CatalogueFile.FILE_NAME));
  }

  /** Maven's log, with the module's name on each line when modules are built in parallel. */
  @Override
  public Log getLog() {
    boolean parallel = session != null && session.isParallel() && session.getProjects().size() > 1;
    return parallel && project != null
        ? new ModuleLog(super.getLog(), project.getArtifactId())
        : super.getLog();
  }

  /** Work in a goal's context. */
  @FunctionalInterface
  protected interface GoalWork {
    void run(GoalContext context) throws MojoExecutionException, MojoFailureException;
  }

  /**
   * Runs {@code work} in a goal's context, which it closes afterwards, with the core's errors as
   * Maven's: one line, no stack trace.
   */
  protected final void inContext(GoalWork work)
      throws MojoExecutionException, MojoFailureException {
    try (GoalContext context =
        GoalContext.builder()
            .frontEnd(MavenFrontEnd.INSTANCE)
            .log(log())
            .threads(threads())
            .store(storeOpener())
            .javaClassPath(this::resolveJavaStepClassPath)
            .spark(this::openSpark)
            .build()) {
      work.run(context);
    } catch (AlcoveException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (java.nio.file.InvalidPathException e) {
      AlcoveException problem =
          FileNameEncoding.explain(e).orElse(new AlcoveException(e.getMessage(), e));
      throw new MojoFailureException(problem.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /**
   * The goal's work: read parameters, build one configuration, make one call into the core with the
   * goal's context, which this class closes afterwards.
   */
  protected abstract void runGoal(GoalContext context)
      throws MojoExecutionException, MojoFailureException;

  protected AlcoveLog log() {
    return new MavenLog(getLog());
  }

  /** Opens the alcove with the pom's steps merged in. */
  protected Alcove openAlcove() {
    return Alcove.open(directory.toPath(), declaredSteps(), MavenFrontEnd.INSTANCE);
  }

  /**
   * How the goal opens its store (and cache), when it first needs it. The pom's {@code <store>} is
   * read now: a mistyped kind or setting fails every goal at once, not only the first run that
   * happens to open the store.
   */
  protected Supplier<Depot> storeOpener() {
    StoreConfiguration configured = storeConfiguration();
    return () ->
        StoreResolver.open(directory.toPath(), storeOptions(configured), System.getenv(), log());
  }

  protected StoreOptions storeOptions() {
    return storeOptions(storeConfiguration());
  }

  private StoreOptions storeOptions(StoreConfiguration configured) {
    return new StoreOptions(
        cacheDir == null ? StoreOptions.defaultCache() : cacheDir.toPath(),
        configured,
        ServerCredentials.find(settings, settingsDecrypter, serverId),
        "<server> '" + serverId + "' in settings.xml",
        session != null && session.isOffline(),
        awsCredentialChain(),
        MavenProxies.active(settings, settingsDecrypter),
        MavenFrontEnd.INSTANCE);
  }

  /** The pom's {@code <store>} and the flat store parameters, checked against the store kinds. */
  private StoreConfiguration storeConfiguration() {
    Map<String, String> flat = new HashMap<>();
    flat.put(AlcoveProperties.BUCKET, bucket);
    flat.put(AlcoveProperties.ENDPOINT, endpoint);
    flat.put(AlcoveProperties.REGION, region);
    flat.put(AlcoveProperties.PATH_STYLE, pathStyle);
    flat.put(AlcoveProperties.PREFIX, prefix);
    return StoreElement.read(store, flat, this::mavenProperty, basedir());
  }

  /** A property as {@code ${name}} in the pom would read it: the command line's, then the pom's. */
  private Optional<String> mavenProperty(String name) {
    if (session != null && session.getUserProperties().getProperty(name) != null) {
      return Optional.of(session.getUserProperties().getProperty(name));
    }
    if (project != null && project.getProperties().getProperty(name) != null) {
      return Optional.of(project.getProperties().getProperty(name));
    }
    return Optional.ofNullable(
        session == null ? null : session.getSystemProperties().getProperty(name));
  }

  /** What relative paths in the configuration are resolved against, as Maven resolves files. */
  private Path basedir() {
    return project != null && project.getBasedir() != null
        ? project.getBasedir().toPath()
        : directory.toPath();
  }

  /** How the goal uses the table cache, from {@code alcove.cache} and {@code alcove.cache.push}. */
  protected CacheOptions cacheOptions() {
    String value = cache == null ? "true" : cache.strip();
    if (!value.equals("true") && !value.equals("false")) {
      throw new AlcoveException(
          AlcoveProperties.CACHE
              + "="
              + value
              + ": it turns the table cache on or off (true or false); the folder of the local"
              + " cache is set with "
              + AlcoveProperties.CACHE_DIR);
    }
    return new CacheOptions(value.equals("true"), Optional.ofNullable(cachePush));
  }

  protected int threads() {
    if (threads == null) {
      return Parallel.defaultThreads();
    }
    if (threads < 1) {
      throw new AlcoveException(
          MavenFrontEnd.INSTANCE.set(Setting.THREADS, String.valueOf(threads))
              + " must be 1 or more");
    }
    return threads;
  }

  /**
   * The class path of Java steps, found when the first one runs: the project's runtime class path
   * (when the goal resolved it), the plugin's own artifacts but Maven's (DuckDB among them), then
   * the libraries of {@link RuntimeLibraries#JAVA_STEPS}.
   */
  /**
   * What a Java step gets of the plugin's own artifacts: DuckDB's JDBC driver, as documented, and
   * nothing else. The rest is the plugin's business, and differs with the build that runs it: Maven
   * 3.8 injects plexus-utils, the site plugin swaps the reporting API, and the plugin built in the
   * same reactor comes as class folders rather than jars; any of it on a step's class path would
   * change the step's key between {@code install} and a later {@code alcove:run}.
   */
  static List<java.io.File> stepArtifactsOfThePlugin(List<Artifact> pluginArtifacts) {
    return pluginArtifacts.stream()
        .filter(artifact -> artifact.getFile() != null)
        .filter(
            artifact ->
                artifact.getGroupId().equals("org.duckdb")
                    && artifact.getArtifactId().equals("duckdb_jdbc"))
        .map(Artifact::getFile)
        .toList();
  }

  private List<Path> resolveJavaStepClassPath() {
    Set<String> elements = new LinkedHashSet<>();
    if (project != null && project.getFile() != null) {
      try {
        elements.addAll(project.getRuntimeClasspathElements());
      } catch (DependencyResolutionRequiredException e) {
        throw new AlcoveException(
            "cannot resolve the project's runtime class path for Java steps: " + e.getMessage());
      }
    }
    stepArtifactsOfThePlugin(pluginArtifacts == null ? List.of() : pluginArtifacts)
        .forEach(file -> elements.add(file.getAbsolutePath()));
    if (repositorySystem != null && repositorySession != null) {
      runtimeLibraries()
          .resolve(RuntimeLibraries.JAVA_STEPS)
          .forEach(path -> elements.add(path.toString()));
    }
    return elements.stream().map(Path::of).toList();
  }

  private RuntimeLibraries runtimeLibraries() {
    return new RuntimeLibraries(
        repositorySystem, repositorySession, pluginRepositories, pluginVersion);
  }

  /**
   * A Spark session for the goal, asked for when a Spark table is planned or built: it connects (a
   * worker JVM with the Spark Connect client, resolved now) only when a Spark step runs, or to
   * learn the server's version the first time.
   */
  private SparkSql openSpark() {
    Path root = directory.toPath();
    Path buildDir = AlcoveLayout.withDefaults(root).buildDir();
    SparkSettings settings = sparkSettings(root).withStoreAccess(sparkStoreAccess);
    return new RecordedVersionSpark(
        settings,
        () ->
            SparkProcess.start(
                sparkClassPath(),
                settings,
                buildDir.resolve("spark-worker.log"),
                java.time.Duration.ofSeconds(Math.max(1, sparkTimeout))),
        buildDir);
  }

  /** {@code <spark>}, else {@code SPARK_REMOTE} from the environment, else from {@code .env}. */
  private SparkSettings sparkSettings(Path root) {
    Optional<String> token =
        ServerCredentials.find(
                settings, settingsDecrypter, sparkServerId, "any name", "the Spark Connect token")
            .map(StoreOptions.Credentials::secretKey);
    if (spark != null && !spark.isBlank()) {
      return SparkSettings.parse(spark, token, "<spark>");
    }
    String fromEnvironment = System.getenv("SPARK_REMOTE");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return SparkSettings.parse(fromEnvironment, token, "SPARK_REMOTE");
    }
    String fromDotEnv = DotEnv.read(root.resolve(".env"), log()).get("SPARK_REMOTE");
    if (fromDotEnv != null && !fromDotEnv.isBlank()) {
      return SparkSettings.parse(fromDotEnv, token, "SPARK_REMOTE in .env");
    }
    throw new AlcoveException(
        "a table runs on Spark (engine: spark) and no Spark Connect server is configured: set"
            + " <spark>sc://host:15002</spark> in the plugin's configuration, -D"
            + AlcoveProperties.SPARK
            + "=sc://host:15002, or SPARK_REMOTE");
  }

  /** The worker's class path: the Spark Connect client and alcove-spark, and this core's jar. */
  private List<Path> sparkClassPath() {
    if (repositorySystem == null || repositorySession == null) {
      throw new AlcoveException("cannot resolve the Spark Connect client here");
    }
    List<Path> classPath = new ArrayList<>(runtimeLibraries().resolve(RuntimeLibraries.SPARK));
    (pluginArtifacts == null ? List.<Artifact>of() : pluginArtifacts)
        .stream()
            .filter(
                a -> a.getGroupId().equals("dev.alcove") && a.getArtifactId().equals("alcove-core"))
            .filter(a -> a.getFile() != null)
            .forEach(a -> classPath.add(a.getFile().toPath()));
    return classPath;
  }

  /**
   * The AWS SDK's default credential chain, resolved and loaded only when S3 is configured and no
   * static key was found anywhere; empty where there is no resolver (a Mojo test).
   */
  private Optional<java.util.function.Function<Optional<String>, CredentialSource>>
      awsCredentialChain() {
    if (repositorySystem == null || repositorySession == null) {
      return Optional.empty();
    }
    return Optional.of(
        profile ->
            SdkCredentialChain.load(
                runtimeLibraries().resolve(RuntimeLibraries.AWS_CREDENTIALS), profile));
  }

  protected List<StepDeclaration> declaredSteps() {
    List<StepDeclaration> declared = new ArrayList<>();
    for (Step step : steps == null ? List.<Step>of() : steps) {
      try {
        declared.add(StepDeclaration.parse(step.getUri(), step.getDependencies()));
      } catch (AlcoveException e) {
        throw new AlcoveException("pom <steps>: " + e.getMessage());
      }
    }
    return declared;
  }
}
