package dev.alcove.core.io;

import dev.alcove.core.log.AlcoveLog;
import java.nio.file.Path;

/** Run in a child JVM by the tests: takes an alcove's lock, says so, and holds it. */
public final class LockHolder {
  public static void main(String[] args) throws Exception {
    try (AlcoveLock lock = AlcoveLock.acquire(Path.of(args[0]), AlcoveLog.SILENT)) {
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(Long.parseLong(args[1]));
    }
  }
}
