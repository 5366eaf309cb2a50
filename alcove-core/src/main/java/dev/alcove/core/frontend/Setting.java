package dev.alcove.core.frontend;

/** The settings a message may tell the user to change; a front end says how each is set. */
public enum Setting {
  SOURCE,
  DATASET,
  FORCE,
  TABLE,
  STEP,
  DATABASE,
  FIX,
  STORE,
  CACHE_DIR,
  THREADS,
  NAMES,
  FORMAT,
  SELECT,
  EXCLUDE,
  CACHE,
  GC_DELETE,
  FETCH_TIMEOUT,
  DOWNLOAD,
  FROM,
  TO,
  KEY,
  AGAINST,
  PREVIOUS,
  FAIL_ON_CHANGE,
  SPARK_STORE_ACCESS
}
