package dev.alcove.core.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * How many threads a goal may add to the one it runs on, shared by everything the goal does, so
 * that work started inside other work (a run's steps restoring folders, each folder hashing its
 * files) never multiplies the count. Work borrows what is free without waiting and does the rest on
 * its own thread, so nothing can wait for a thread that its caller holds.
 */
public final class ThreadBudget {

  /** Transfers at once when the goal may use more than one thread: they wait on the network. */
  public static final int TRANSFERS = 8;

  private final int size;
  private final Semaphore extra;
  private final Executor threads;

  private ThreadBudget(int size, Executor threads) {
    this.size = size;
    this.extra = new Semaphore(Math.max(0, size - 1));
    this.threads = threads;
  }

  /**
   * A budget of {@code threads} at work at once, the caller and {@code threads - 1} more, whose
   * extra threads come from {@code pool}: the goal's {@link Workers}.
   */
  public static ThreadBudget of(int threads, Executor pool) {
    return new ThreadBudget(Math.max(1, threads), pool);
  }

  /** As above, outside a goal: the extra threads come from a pool of the budget's own. */
  public static ThreadBudget of(int threads) {
    return of(threads, new LazyPool());
  }

  /** Where the budget's extra threads come from. */
  public Executor threads() {
    return threads;
  }

  /** One thread, the caller's: nothing runs beside it. */
  public static ThreadBudget sequential() {
    return of(1);
  }

  /** The threads at work at once when all are in use. */
  public int size() {
    return size;
  }

  /** Takes up to {@code wanted} extra threads that are free now, without waiting; may be 0. */
  int borrow(int wanted) {
    int taken = 0;
    while (taken < wanted && extra.tryAcquire()) {
      taken++;
    }
    return taken;
  }

  void giveBack(int count) {
    if (count > 0) {
      extra.release(count);
    }
  }

  /** Extra threads taken from a budget, given back when closed. */
  public final class Lease implements AutoCloseable {
    private final int count;

    private Lease(int count) {
      this.count = count;
    }

    /** How many extra threads were free; may be 0. */
    public int count() {
      return count;
    }

    @Override
    public void close() {
      giveBack(count);
    }
  }

  /** Takes up to {@code wanted} extra threads that are free now, without waiting. */
  public Lease lease(int wanted) {
    return new Lease(borrow(wanted));
  }

  /** Starts its daemon threads only when asked for one: most budgets outside a goal never are. */
  private static final class LazyPool implements Executor {
    private ExecutorService pool;

    @Override
    public synchronized void execute(Runnable task) {
      if (pool == null) {
        pool = Workers.forGoal("budget");
      }
      pool.execute(task);
    }
  }
}
