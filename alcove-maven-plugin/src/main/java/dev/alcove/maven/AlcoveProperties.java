package dev.alcove.maven;

/** Every {@code -Dalcove.*} property, in one place: they are alcove's command-line interface. */
public final class AlcoveProperties {
  public static final String SKIP = "alcove.skip";
  public static final String DIRECTORY = "alcove.directory";
  public static final String SELECT = "alcove.select";
  public static final String EXCLUDE = "alcove.exclude";
  public static final String PATHS = "alcove.paths";
  public static final String TABLE = "alcove.table";
  public static final String STEP = "alcove.step";
  public static final String DEPENDENCIES = "alcove.dependencies";
  public static final String SOURCE = "alcove.source";
  public static final String DATASET = "alcove.dataset";
  public static final String FORCE = "alcove.force";
  public static final String EDIT = "alcove.edit";
  public static final String DRY_RUN = "alcove.dryRun";
  public static final String DOWNLOAD = "alcove.download";
  public static final String THREADS = "alcove.threads";
  public static final String STORE = "alcove.store";
  public static final String CACHE_DIR = "alcove.cacheDir";
  public static final String CACHE = "alcove.cache";
  public static final String CACHE_PUSH = "alcove.cache.push";
  public static final String GC_DELETE = "alcove.gc.delete";
  public static final String GC_KEEP_DAYS = "alcove.gc.keepDays";
  public static final String FETCH_TIMEOUT = "alcove.fetch.timeout";
  public static final String GC_MAX_CACHE_SIZE = "alcove.gc.maxCacheSize";
  public static final String BUCKET = "alcove.bucket";
  public static final String ENDPOINT = "alcove.endpoint";
  public static final String PREFIX = "alcove.prefix";
  public static final String REGION = "alcove.region";
  public static final String PATH_STYLE = "alcove.pathStyle";
  public static final String SERVER_ID = "alcove.serverId";
  public static final String SPARK = "alcove.spark";
  public static final String FROM = "alcove.from";
  public static final String TO = "alcove.to";
  public static final String KEY = "alcove.key";
  public static final String AGAINST = "alcove.against";
  public static final String PREVIOUS = "alcove.previous";
  public static final String FAIL_ON_CHANGE = "alcove.failOnChange";
  public static final String SPARK_SERVER_ID = "alcove.sparkServerId";
  public static final String SPARK_TIMEOUT = "alcove.spark.timeout";
  public static final String SPARK_STORE_ACCESS = "alcove.spark.storeAccess";
  public static final String FIX = "alcove.fix";
  public static final String STRICT = "alcove.strict";
  public static final String REMOTE = "alcove.remote";
  public static final String PYTHON_COMPATIBLE = "alcove.pythonCompatible";
  public static final String QUERY = "alcove.query";
  public static final String FORMAT = "alcove.format";
  public static final String NAMES = "alcove.names";
  public static final String OUTPUT = "alcove.output";
  public static final String DATABASE = "alcove.database";
  public static final String SHORT = "alcove.short";

  private AlcoveProperties() {}
}
