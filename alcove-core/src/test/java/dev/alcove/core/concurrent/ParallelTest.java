package dev.alcove.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.AlcoveException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void resultsComeInTheItemsOrderFromEveryThread() {
    List<Integer> items = IntStream.range(0, 5_000).boxed().toList();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Integer> squares =
        Parallel.map(
            items,
            4,
            i -> {
              threads.add(Thread.currentThread().getName());
              return i * i;
            });
    assertThat(squares).isEqualTo(items.stream().map(i -> i * i).toList());
    assertThat(threads).isNotEmpty().allMatch(name -> !name.equals("main"));
  }

  @Test
  void theFailureOfTheEarliestItemIsRethrownAsItWas() {
    List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
    assertThatThrownBy(
            () ->
                Parallel.map(
                    items,
                    3,
                    i -> {
                      if (i == 700 || i == 1_500) {
                        throw new AlcoveException("item " + i + " is bad");
                      }
                      return i;
                    }))
        .isInstanceOf(AlcoveException.class)
        .hasMessage("item 700 is bad");
  }

  @Test
  void oneThreadOrOneItemRunsOnTheCallersThread() {
    assertThat(Parallel.map(List.of(1, 2, 3), 1, i -> Thread.currentThread().getName()))
        .containsOnly(Thread.currentThread().getName());
    assertThat(Parallel.map(List.of(1), 8, i -> i + 1)).containsExactly(2);
  }
}
