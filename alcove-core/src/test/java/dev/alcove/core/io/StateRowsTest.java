package dev.alcove.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows found by their first field without cutting the others, as a map read whole would. */
class StateRowsTest {

  @TempDir Path dir;

  @Test
  void eachRowIsFoundByItsKeyAndOnlyWithItsNumberOfFields() throws Exception {
    Path file = dir.resolve("state.tsv");
    StateFile.write(
        file, "# state v1", List.of("a\t1\tx", "", "ab\t2\ty", "b\tshort", "long\t1\t2\t3"));
    StateRows rows = StateRows.read(file);

    assertThat(rows.get("a", 3)).containsExactly("a", "1", "x");
    assertThat(rows.get("ab", 3)).containsExactly("ab", "2", "y");
    assertThat(rows.get("b", 3)).isNull();
    assertThat(rows.get("long", 3)).isNull();
    // A key that is a prefix of another's, or the header's text, is not a row.
    assertThat(rows.get("", 3)).isNull();
    assertThat(rows.get("# state v1", 1)).isNull();
    assertThat(rows.get("c", 3)).isNull();
  }

  @Test
  void theLastRowOfAKeyCountsAndEveryKeyIsListedOnceWithItsLine() throws Exception {
    Path file = dir.resolve("state.tsv");
    Files.writeString(file, "# state v1\nk\told\nm\t1\nk\tnew");
    StateRows rows = StateRows.read(file);

    assertThat(rows.get("k", 2)).containsExactly("k", "new");
    assertThat(rows.size()).isEqualTo(2);
    Map<String, String> lines = new TreeMap<>();
    rows.forEachLine(lines::put);
    assertThat(lines).isEqualTo(Map.of("k", "k\tnew", "m", "m\t1"));
  }

  @Test
  void manyKeysSharingLongPrefixesAreAllFound() {
    StringBuilder text = new StringBuilder("# header\n");
    for (int i = 0; i < 5000; i++) {
      text.append("/some/long/shared/prefix/file").append(i).append('\t').append(i).append('\n');
    }
    StateRows rows = StateRows.index(text.toString());

    assertThat(rows.size()).isEqualTo(5000);
    for (int i = 0; i < 5000; i++) {
      assertThat(rows.get("/some/long/shared/prefix/file" + i, 2)[1]).isEqualTo("" + i);
    }
    assertThat(rows.get("/some/long/shared/prefix/file5000", 2)).isNull();
  }

  @Test
  void aMissingFileOrOneThatIsNotTextHasNoRows() throws Exception {
    assertThat(StateRows.read(dir.resolve("none.tsv")).size()).isZero();
    assertThat(StateRows.read(dir.resolve("none.tsv")).get("a", 2)).isNull();

    Path notText = dir.resolve("binary.tsv");
    Files.write(notText, new byte[] {'a', '\t', '1', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    assertThat(StateRows.read(notText).get("a", 2)).isNull();
    assertThat(StateRows.read(dir).size()).isZero();
  }
}
