package dev.alcove.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ObjectStore} must do, run against each kind: objects by checksum, entries by
 * name beside them. A subclass says how to open the store under test.
 */
abstract class StoreContract {

  @TempDir Path dir;

  /** A fresh, empty store. */
  abstract ObjectStore open() throws Exception;

  @Test
  void objectsRoundTripAndDeletingThemIsIdempotent() throws Exception {
    try (ObjectStore store = open()) {
      Path file = dir.resolve("object.bin");
      Files.writeString(file, "some bytes");
      Checksum sum = Sha256.ofFile(file);
      assertThat(store.contains(sum)).isFalse();
      store.put(sum, file, TransferProgress.NONE);
      assertThat(store.contains(sum)).isTrue();
      assertThat(store.get(sum, dir.resolve("back.bin"), TransferProgress.NONE)).isEqualTo(sum);
      assertThat(Files.readString(dir.resolve("back.bin"))).isEqualTo("some bytes");
      store.delete(sum);
      store.delete(sum);
      assertThat(store.contains(sum)).isFalse();
      assertThatThrownBy(() -> store.get(sum, dir.resolve("gone.bin"), TransferProgress.NONE))
          .isInstanceOf(ObjectMissingException.class);
    }
  }

  @Test
  void entriesAreWrittenReadListedAndDeletedByName() throws Exception {
    try (ObjectStore store = open()) {
      String name = "cache/v1/" + "ab".repeat(32);
      assertThat(store.readEntry(name, 1000)).isEmpty();
      assertThat(store.listEntries("cache/v1")).isEmpty();
      Instant before = Instant.now().minus(Duration.ofMinutes(5));

      store.writeEntry(name, "first".getBytes(StandardCharsets.UTF_8));
      store.writeEntry(name, "second".getBytes(StandardCharsets.UTF_8));
      store.writeEntry("cache/v2/other", "x".getBytes(StandardCharsets.UTF_8));

      assertThat(store.readEntry(name, 1000))
          .hasValueSatisfying(
              bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("second"));
      assertThat(store.listEntries("cache/v1"))
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.name()).isEqualTo(name);
                assertThat(entry.size()).isEqualTo(6);
                assertThat(entry.modified()).isAfter(before);
              });
      store.deleteEntry(name);
      store.deleteEntry(name);
      assertThat(store.readEntry(name, 1000)).isEmpty();
      assertThat(store.listEntries("cache/v1")).isEmpty();
      assertThat(store.listEntries("cache/v2")).hasSize(1);
    }
  }

  @Test
  void anOversizedEntryIsRefusedAndNamesThatCouldEscapeAreRejected() throws Exception {
    try (ObjectStore store = open()) {
      store.writeEntry("cache/v1/big", new byte[2000]);
      assertThatThrownBy(() -> store.readEntry("cache/v1/big", 1000)).hasMessageContaining("1000");
      for (String bad :
          new String[] {"../x", "cache/../../x", "ab/cd", "cache", "/cache/v1/x", "Cache/v1/x"}) {
        assertThatThrownBy(() -> store.writeEntry(bad, new byte[1]))
            .as(bad)
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }
}
