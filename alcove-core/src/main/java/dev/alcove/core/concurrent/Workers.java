package dev.alcove.core.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one goal: every thread the goal starts (a helper of {@link Parallel}, a step of a
 * run, the hasher beside a copy, the store opening in the background) comes from here, named {@code
 * alcove-<goal>-<n>}, as a daemon, and is stopped when the goal's context closes. How many work at
 * once is the {@link ThreadBudget}'s business, not the pool's.
 */
public final class Workers {

  private Workers() {}

  /** A pool that starts threads as they are asked for and lets idle ones go. */
  public static ExecutorService forGoal(String name) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        task -> {
          Thread thread = new Thread(task, "alcove-" + name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newCachedThreadPool(threads);
  }
}
