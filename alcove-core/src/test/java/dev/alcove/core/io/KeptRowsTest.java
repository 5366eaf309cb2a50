package dev.alcove.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run put or removed lies over the rows read; rows it did not touch are written as read. */
class KeptRowsTest {

  @TempDir Path dir;

  private static Integer number(String[] parts) {
    return Integer.parseInt(parts[1]);
  }

  private static String row(String key, Integer value) {
    return key.equals("unwritable") ? null : key + "\t" + value;
  }

  @Test
  void putsAndRemovalsLieOverTheRowsReadAndUntouchedRowsAreWrittenAsRead() throws Exception {
    Path file = dir.resolve("state.tsv");
    Files.writeString(file, "# v1\na\t1\nb\t2\nc\tnot-a-number\nd\t04\n");
    KeptRows<Integer> rows = KeptRows.read(file, 2, KeptRowsTest::number);

    assertThat(rows.get("a")).isEqualTo(1);
    assertThat(rows.get("c")).as("a row that does not parse is absent").isNull();
    assertThat(rows.unsaved()).isFalse();
    rows.put("b", 20);
    rows.remove("a");
    rows.put("e", 5);
    rows.put("unwritable", 6);
    assertThat(rows.get("a")).isNull();
    assertThat(rows.get("b")).isEqualTo(20);
    assertThat(rows.unsaved()).isTrue();

    Map<String, Integer> merged = new TreeMap<>();
    rows.forEach(merged::put);
    assertThat(merged).isEqualTo(Map.of("b", 20, "d", 4, "e", 5, "unwritable", 6));
    Map<String, String> kept = new TreeMap<>();
    rows.forEachKept((key, parts) -> kept.put(key, parts[1]));
    assertThat(kept).containsEntry("a", "1").containsEntry("c", "not-a-number");

    rows.save(file, "# v1", KeptRowsTest::row);
    assertThat(rows.unsaved()).isFalse();
    assertThat(Files.readAllLines(file)).first().isEqualTo("# v1");
    assertThat(Files.readAllLines(file))
        .containsExactlyInAnyOrder("# v1", "b\t20", "c\tnot-a-number", "d\t04", "e\t5");
  }
}
