package dev.alcove.core.concurrent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /** {@code function} applied to every item, results in the items' order. */
  public static <T, R> List<R> map(Collection<T> items, int threads, Function<T, R> function) {
    List<T> list = new ArrayList<>(items);
    if (threads <= 1 || list.size() < 2) {
      return list.stream().map(function).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, list.size()));
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : list) {
        futures.add(pool.submit(() -> function.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  public static <T> void forEach(
      Collection<T> items, int threads, java.util.function.Consumer<T> action) {
    map(
        items,
        threads,
        item -> {
          action.accept(item);
          return Boolean.TRUE;
        });
  }
}
