package dev.alcove.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.context.GoalContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedExecutorTest {

  @Test
  void noMoreThanTheLimitRunAtOnceAndEveryTaskRuns() throws Exception {
    ExecutorService pool = Workers.forGoal("test");
    try {
      BoundedExecutor bounded = new BoundedExecutor(pool, 3);
      AtomicInteger running = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(40);
      for (int i = 0; i < 40; i++) {
        bounded.execute(
            () -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                Thread.sleep(2);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              running.decrementAndGet();
              done.countDown();
            });
      }
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(most.get()).isBetween(2, 3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aGoalsParallelWorkRunsOnTheGoalsOwnThreadsWhichStopWithIt() {
    Set<String> names = ConcurrentHashMap.newKeySet();
    Thread caller = Thread.currentThread();
    GoalContext context = GoalContext.builder().threads(4).build();
    try (context) {
      Parallel.forEach(
          IntStream.range(0, 64).boxed().toList(),
          context.work(),
          4,
          item -> {
            if (Thread.currentThread() != caller) {
              names.add(Thread.currentThread().getName());
            }
            try {
              Thread.sleep(1);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    assertThat(names).isNotEmpty().allMatch(name -> name.startsWith("alcove-goal-"));
    assertThat(((ExecutorService) context.workers()).isShutdown()).isTrue();
    assertThat(List.copyOf(names)).hasSizeLessThanOrEqualTo(3);
  }
}
