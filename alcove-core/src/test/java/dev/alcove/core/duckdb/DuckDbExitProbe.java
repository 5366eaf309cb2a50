package dev.alcove.core.duckdb;

/** Starts unpacking DuckDB's library in the background, then exits, as a run that fails early. */
public final class DuckDbExitProbe {
  public static void main(String[] args) throws Exception {
    DuckDbDriver.preload(dev.alcove.core.concurrent.Workers.forGoal("probe"));
    Thread.sleep(Long.parseLong(args[0]));
    System.exit(1);
  }
}
