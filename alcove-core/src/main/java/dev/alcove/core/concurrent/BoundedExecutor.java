package dev.alcove.core.concurrent;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs at most {@code limit} tasks at once on another executor, the rest queued in order: a run's
 * steps on the goal's threads, no more of them at once than the budget lent.
 */
public final class BoundedExecutor implements Executor {

  private final Executor threads;
  private final int limit;
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int running;

  public BoundedExecutor(Executor threads, int limit) {
    this.threads = threads;
    this.limit = Math.max(1, limit);
  }

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      if (running >= limit) {
        waiting.add(task);
        return;
      }
      running++;
    }
    start(task);
  }

  private void start(Runnable task) {
    threads.execute(
        () -> {
          Runnable next = task;
          while (next != null) {
            try {
              next.run();
            } finally {
              synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                  running--;
                }
              }
            }
          }
        });
  }
}
