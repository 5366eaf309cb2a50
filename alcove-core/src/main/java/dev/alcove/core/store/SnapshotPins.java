package dev.alcove.core.store;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.errors.AlcoveException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a store records of the snapshots taken into it, so that {@code gc} run by one alcove never
 * deletes an object that another alcove's snapshot names (a shared default store, a team bucket, a
 * table published by one project and snapshotted by another). A pin is an entry {@code
 * pins/v1/<sha256 of its text>} beside the objects: a header line, then the checksums of one
 * snapshot's objects, sorted, one per line (docs/SPEC.md section 11).
 */
public final class SnapshotPins {

  public static final String FOLDER = "pins/v1";

  private static final String HEADER = "alcove snapshot pin v1";

  /** Large enough for the manifest of a folder of a million files. */
  static final int MAX_BYTES = 80 << 20;

  private SnapshotPins() {}

  /** Records that a snapshot names {@code objects}; the same set is one entry, written once. */
  public static void pin(ObjectStore store, Collection<Checksum> objects) {
    byte[] bytes = text(objects);
    String name = nameOf(bytes);
    if (store.readEntry(name, MAX_BYTES).isEmpty()) {
      store.writeEntry(name, bytes);
    }
  }

  /**
   * Records many snapshots at once: the pins already there are listed once, rather than each read
   * back, and only the missing ones are written.
   */
  public static void pinAll(
      ObjectStore store, Collection<? extends Collection<Checksum>> snapshots) {
    Set<String> existing = new HashSet<>();
    store.listEntries(FOLDER).forEach(entry -> existing.add(entry.name()));
    for (Collection<Checksum> objects : snapshots) {
      byte[] bytes = text(objects);
      String name = nameOf(bytes);
      if (existing.add(name)) {
        store.writeEntry(name, bytes);
      }
    }
  }

  private static byte[] text(Collection<Checksum> objects) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    new TreeSet<>(objects).forEach(sum -> text.append(sum.hex()).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String nameOf(byte[] pin) {
    return FOLDER + "/" + Sha256.ofBytes(pin).hex();
  }

  /** Every object some pin in {@code store} names; a pin that is not alcove's is skipped. */
  public static Set<Checksum> pinned(ObjectStore store) {
    Set<Checksum> pinned = new HashSet<>();
    for (StoredEntry entry : store.listEntries(FOLDER)) {
      Optional<byte[]> bytes = store.readEntry(entry.name(), MAX_BYTES);
      if (bytes.isEmpty()) {
        continue;
      }
      String[] lines = new String(bytes.get(), StandardCharsets.UTF_8).split("\n");
      if (!lines[0].equals(HEADER)) {
        continue;
      }
      for (int i = 1; i < lines.length; i++) {
        if (!Checksum.isValid(lines[i])) {
          throw new AlcoveException(
              "pin "
                  + entry.name()
                  + " in "
                  + store.describe()
                  + " is damaged at line "
                  + (i + 1)
                  + ": nothing is deleted until it is mended or removed");
        }
        pinned.add(Checksum.of(lines[i]));
      }
    }
    return pinned;
  }
}
