package dev.alcove.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.testing.RecordingLog;
import dev.alcove.core.testing.RemoteStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every byte the depot hands out matches its checksum, whatever happened to the copies. */
class DepotTest {

  @TempDir Path dir;
  Path data;
  Checksum sum;
  LocalDirectoryStore store;

  @BeforeEach
  void setUp() throws Exception {
    data = dir.resolve("data.csv");
    Files.writeString(data, "a,b\n1,2\n");
    sum = Sha256.ofFile(data);
    store = new LocalDirectoryStore(dir.resolve("store"), "local store");
  }

  @Test
  void theCacheIsAskedBeforeALocalStoreButNotFilledFromIt() throws Exception {
    LocalDirectoryStore cache = LocalDirectoryStore.cache(dir.resolve("cache"));
    cache.put(sum, data, TransferProgress.NONE);
    Depot depot = new Depot(store, Optional.of(cache), new RecordingLog());
    depot.fetch(
        sum, dir.resolve("from-cache.csv"), "snapshot://a/2024-01-01", TransferProgress.NONE);
    assertThat(dir.resolve("from-cache.csv")).hasContent("a,b\n1,2\n");
    assertThat(store.contains(sum)).isFalse();

    cache.evict(sum);
    depot.putAll(Map.of(sum, data), ThreadBudget.of(2), TransferProgress.NONE);
    depot.fetch(
        sum, dir.resolve("from-store.csv"), "snapshot://a/2024-01-01", TransferProgress.NONE);
    assertThat(cache.contains(sum)).as("a local store is not copied into the cache").isFalse();
  }

  @Test
  void anUploadLeavesTheCacheAloneAndARestoreFillsItWithACopyCheckedOnEveryRead() throws Exception {
    LocalDirectoryStore cache = LocalDirectoryStore.cache(dir.resolve("cache"));
    RecordingLog log = new RecordingLog();
    Depot depot = new Depot(new RemoteStandIn(store), Optional.of(cache), log);

    assertThat(depot.putAll(Map.of(sum, data), ThreadBudget.of(2), TransferProgress.NONE))
        .isEqualTo(1);
    assertThat(Files.isSameFile(store.pathOf(sum), data)).isFalse();
    assertThat(cache.contains(sum)).as("the uploaded file is the copy on this machine").isFalse();

    Path restored = dir.resolve("restored.csv");
    depot.fetch(sum, restored, "snapshot://data/2024-01-01", TransferProgress.NONE);
    assertThat(restored).hasContent("a,b\n1,2\n");
    assertThat(Files.isSameFile(cache.pathOf(sum), restored)).isFalse();

    // The restored data edited in place leaves the cache alone; a cached copy damaged some other
    // way is still found out when it is read.
    Files.writeString(restored, "3,4\n", StandardOpenOption.APPEND);
    assertThat(Sha256.ofFile(cache.pathOf(sum))).isEqualTo(sum);
    Files.writeString(cache.pathOf(sum), "3,4\n", StandardOpenOption.APPEND);
    Path again = dir.resolve("again.csv");
    depot.fetch(sum, again, "snapshot://data/2024-01-01", TransferProgress.NONE);

    assertThat(again).hasContent("a,b\n1,2\n");
    assertThat(log.warnings).singleElement().asString().contains("is corrupt: dropped it");
    assertThat(Sha256.ofFile(cache.pathOf(sum))).isEqualTo(sum);
  }

  @Test
  void aCorruptStoredObjectIsRefusedAndNothingIsWritten() throws Exception {
    Depot depot = new Depot(store, Optional.empty(), new RecordingLog());
    depot.putAll(Map.of(sum, data), ThreadBudget.sequential(), TransferProgress.NONE);
    Files.writeString(store.pathOf(sum), "tampered");

    Path restored = dir.resolve("restored.csv");
    assertThatThrownBy(
            () -> depot.fetch(sum, restored, "snapshot://data/2024-01-01", TransferProgress.NONE))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("is corrupt");
    assertThat(restored).doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
    }
  }
}
