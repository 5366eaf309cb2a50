package dev.alcove.core.frontend;

/** The commands a message may tell the user to run; a front end says how each is run. */
public enum Goal {
  INIT,
  SNAPSHOT,
  NEW_TABLE,
  RUN,
  AUDIT,
  LIST,
  REMOVE,
  GC,
  DB,
  EXPORT_DUCKDB,
  GRAPH,
  CATALOGUE,
  PACKAGE,
  PUSH,
  HELP,
  DIFF
}
