package dev.alcove.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The data both crash tests build on: a 24 MiB file and a folder of 40 files (random bytes from a
 * seeded generator), snapshotted as {@code big} and {@code folder}, and three SQL tables over them.
 */
public final class CrashFixture {
  private CrashFixture() {}

  /** Writes {@code big.bin} and {@code folder/part-N.bin} under {@code sources}. */
  public static void writeSources(Path sources, Random random) throws IOException {
    byte[] big = new byte[24 << 20];
    random.nextBytes(big);
    Files.createDirectories(sources.resolve("folder"));
    Files.write(sources.resolve("big.bin"), big);
    for (int i = 0; i < 40; i++) {
      byte[] part = new byte[256 << 10];
      random.nextBytes(part);
      Files.write(sources.resolve("folder/part-" + i + ".bin"), part);
    }
  }

  /** Declares three tables over the two snapshots, one of them over the other two. */
  public static void defineTables(TestAlcove t) {
    t.table(
        "table://sizes/latest",
        ".sql",
        "SELECT count(*) AS files FROM glob('{folder}/*')",
        "snapshot://folder/latest");
    t.table(
        "table://bytes/latest",
        ".sql",
        "SELECT sum(size) AS bytes FROM read_blob('{big}')",
        "snapshot://big/latest");
    t.table(
        "table://both/latest",
        ".sql",
        "SELECT * FROM '{sizes}', '{bytes}'",
        "table://sizes/latest",
        "table://bytes/latest");
  }
}
