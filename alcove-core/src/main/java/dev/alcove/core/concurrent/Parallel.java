package dev.alcove.core.concurrent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs independent work on a fixed number of threads and rethrows the first failure as it was, so
 * an {@code AlcoveException} from a worker reaches the user with its own message.
 */
public final class Parallel {

  private Parallel() {}

  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * {@code function} applied to every item, results in the items' order, on the calling thread and
   * on as many of {@code budget}'s threads as help (at most {@code limit} in all). Threads are
   * borrowed as they come free, between items, so work started inside other work speeds up when its
   * neighbours finish. Each thread takes the next item until none is left, so a thousand small
   * items cost no more than a thousand calls. A failure stops the threads from taking more; the one
   * of the earliest item is rethrown.
   */
  public static <T, R> List<R> map(
      Collection<T> items, ThreadBudget budget, int limit, Function<T, R> function) {
    List<T> list = new ArrayList<>(items);
    if (list.size() < 2 || limit < 2) {
      return list.stream().map(function).toList();
    }
    Object[] results = new Object[list.size()];
    AtomicInteger next = new AtomicInteger();
    ConcurrentSkipListMap<Integer, Throwable> failures = new ConcurrentSkipListMap<>();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement();
              i < list.size() && failures.isEmpty();
              i = next.getAndIncrement()) {
            try {
              results[i] = function.apply(list.get(i));
            } catch (RuntimeException | Error e) {
              failures.put(i, e);
            }
          }
        };
    List<FutureTask<?>> helpers = new ArrayList<>();
    try {
      for (int i = next.getAndIncrement();
          i < list.size() && failures.isEmpty();
          i = next.getAndIncrement()) {
        if (helpers.size() < limit - 1 && i < list.size() - 1 && budget.borrow(1) == 1) {
          FutureTask<?> helper =
              new FutureTask<>(
                  () -> {
                    try {
                      worker.run();
                    } finally {
                      budget.giveBack(1);
                    }
                  },
                  null);
          helpers.add(helper);
          budget.threads().execute(helper);
        }
        try {
          results[i] = function.apply(list.get(i));
        } catch (RuntimeException | Error e) {
          failures.put(i, e);
        }
      }
      for (FutureTask<?> helper : helpers) {
        helper.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    if (!failures.isEmpty()) {
      Throwable first = failures.firstEntry().getValue();
      if (first instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) first;
    }
    @SuppressWarnings("unchecked")
    List<R> ordered = (List<R>) java.util.Arrays.asList(results);
    return java.util.Collections.unmodifiableList(ordered);
  }

  public static <T, R> List<R> map(
      Collection<T> items, ThreadBudget budget, Function<T, R> function) {
    return map(items, budget, budget.size(), function);
  }

  public static <T> void forEach(
      Collection<T> items, ThreadBudget budget, int limit, java.util.function.Consumer<T> action) {
    map(
        items,
        budget,
        limit,
        item -> {
          action.accept(item);
          return Boolean.TRUE;
        });
  }
}
