package dev.alcove.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
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
            ThreadBudget.of(4),
            i -> {
              threads.add(Thread.currentThread().getName());
              if (i % 100 == 0) {
                // Long enough for the other threads to start before the caller has done it all.
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
              }
              return i * i;
            });
    assertThat(squares).isEqualTo(items.stream().map(i -> i * i).toList());
    // The caller takes items too, beside the three threads the budget adds.
    assertThat(threads).hasSizeBetween(2, 4);
  }

  @Test
  void theFailureOfTheEarliestItemIsRethrownAsItWas() {
    List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
    assertThatThrownBy(
            () ->
                Parallel.map(
                    items,
                    ThreadBudget.of(3),
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
    assertThat(
            Parallel.map(
                List.of(1, 2, 3), ThreadBudget.sequential(), i -> Thread.currentThread().getName()))
        .containsOnly(Thread.currentThread().getName());
    assertThat(Parallel.map(List.of(1), ThreadBudget.of(8), i -> i + 1)).containsExactly(2);
  }

  @Test
  void workInsideWorkTakesUpThreadsItsNeighboursGiveBack() {
    ThreadBudget budget = ThreadBudget.of(2);
    Set<String> inner = ConcurrentHashMap.newKeySet();
    Parallel.forEach(
        List.of(0, 1),
        budget,
        2,
        outer -> {
          if (outer == 1) {
            return; // a neighbour done at once: its thread goes back to the budget
          }
          java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
          Parallel.forEach(
              IntStream.range(0, 200).boxed().toList(),
              budget,
              2,
              j -> {
                inner.add(Thread.currentThread().getName());
                java.util.concurrent.locks.LockSupport.parkNanos(500_000);
              });
        });
    assertThat(inner).hasSize(2);
  }

  @Test
  void workInsideWorkSharesOneBudgetAndNeverExceedsIt() {
    ThreadBudget budget = ThreadBudget.of(3);
    Set<Thread> busy = ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger most =
        new java.util.concurrent.atomic.AtomicInteger();
    List<Integer> outer = IntStream.range(0, 6).boxed().toList();
    Parallel.forEach(
        outer,
        budget,
        8,
        i ->
            Parallel.forEach(
                IntStream.range(0, 50).boxed().toList(),
                budget,
                8,
                j -> {
                  busy.add(Thread.currentThread());
                  most.accumulateAndGet(busy.size(), Math::max);
                  java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                  busy.remove(Thread.currentThread());
                }));
    // Before the budget, each of the outer threads started inner threads of its own.
    assertThat(most.get()).isBetween(2, 3);
  }
}
