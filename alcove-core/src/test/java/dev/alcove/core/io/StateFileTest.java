package dev.alcove.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build state is read whole or not at all: a half-read file never passes for what it said. */
class StateFileTest {

  @TempDir Path dir;

  private static void number(String[] parts, Map<String, Integer> into) {
    into.put(parts[0], Integer.parseInt(parts[1]));
  }

  @Test
  void writtenRowsAreReadBackSkippingTheHeaderBlankLinesAndRowsOfAnotherShape() throws Exception {
    Path file = dir.resolve("state.tsv");
    StateFile.write(file, "# state v1", List.of("a\t1", "", "b\t2", "too\tmany\tfields"));
    assertThat(StateFile.<String, Integer>read(file, 2, StateFileTest::number))
        .isEqualTo(Map.of("a", 1, "b", 2));
  }

  @Test
  void aMissingFileAnUnreadableOneOrARefusedRowGivesNothing() throws Exception {
    assertThat(StateFile.<String, Integer>read(dir.resolve("none.tsv"), 2, StateFileTest::number))
        .isEmpty();

    Path refused = dir.resolve("refused.tsv");
    Files.writeString(refused, "# state v1\na\t1\nb\tnot-a-number\nc\t3\n");
    assertThat(StateFile.<String, Integer>read(refused, 2, StateFileTest::number)).isEmpty();

    Path notText = dir.resolve("binary.tsv");
    Files.write(notText, new byte[] {'a', '\t', '1', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    assertThat(StateFile.<String, Integer>read(notText, 2, StateFileTest::number)).isEmpty();
  }
}
