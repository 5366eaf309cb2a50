package dev.alcove.core.catalogue;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.uri.StepUri;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The catalogue as a DAG of resolved dependencies, in an order where inputs come first. */
public final class StepGraph {

  private final Map<StepUri, List<StepUri>> dependencies;
  private final Map<StepUri, List<StepUri>> dependents;
  private final List<StepUri> order;

  private StepGraph(Map<StepUri, List<StepUri>> dependencies) {
    this.dependencies = dependencies;
    Map<StepUri, List<StepUri>> reverse = new LinkedHashMap<>(2 * dependencies.size());
    dependencies.keySet().forEach(uri -> reverse.put(uri, new ArrayList<>()));
    dependencies.forEach((uri, deps) -> deps.forEach(dep -> reverse.get(dep).add(uri)));
    this.dependents = reverse;
    this.order = topologicalOrder(dependencies);
  }

  /** Resolves every dependency; an unknown one or a cycle is an error naming the steps. */
  public static StepGraph of(Catalogue catalogue) {
    // In the catalogue's order, looked up by hash: a graph of thousands of steps is asked about
    // each step's neighbours many times while a cold JVM plans.
    Map<StepUri, List<StepUri>> resolved = new LinkedHashMap<>(2 * catalogue.steps().size());
    catalogue
        .steps()
        .forEach(
            (uri, deps) -> {
              List<StepUri> list = new ArrayList<>();
              for (StepUri dep : deps) {
                StepUri target = catalogue.resolveOrFail(uri, dep);
                if (!list.contains(target)) {
                  list.add(target);
                }
              }
              resolved.put(uri, Collections.unmodifiableList(list));
            });
    return new StepGraph(resolved);
  }

  public List<StepUri> order() {
    return order;
  }

  public List<StepUri> dependencies(StepUri uri) {
    return dependencies.getOrDefault(uri, List.of());
  }

  public List<StepUri> dependents(StepUri uri) {
    return dependents.getOrDefault(uri, List.of());
  }

  private static List<StepUri> topologicalOrder(Map<StepUri, List<StepUri>> dependencies) {
    Map<StepUri, Integer> state = new HashMap<>();
    List<StepUri> order = new ArrayList<>();
    for (StepUri root : dependencies.keySet()) {
      if (state.containsKey(root)) {
        continue;
      }
      // Iterative depth-first search, so a long chain of steps cannot overflow the stack.
      Deque<StepUri> path = new ArrayDeque<>();
      Deque<java.util.Iterator<StepUri>> pending = new ArrayDeque<>();
      path.push(root);
      pending.push(dependencies.get(root).iterator());
      state.put(root, 1);
      while (!path.isEmpty()) {
        java.util.Iterator<StepUri> next = pending.peek();
        if (next.hasNext()) {
          StepUri dep = next.next();
          Integer seen = state.get(dep);
          if (seen == null) {
            state.put(dep, 1);
            path.push(dep);
            pending.push(dependencies.get(dep).iterator());
          } else if (seen == 1) {
            throw cycle(path, dep);
          }
        } else {
          StepUri done = path.pop();
          pending.pop();
          state.put(done, 2);
          order.add(done);
        }
      }
    }
    return Collections.unmodifiableList(order);
  }

  private static AlcoveException cycle(Deque<StepUri> path, StepUri repeated) {
    List<StepUri> stack = new ArrayList<>(path);
    Collections.reverse(stack);
    List<String> cycle = new ArrayList<>();
    for (StepUri uri : stack.subList(stack.indexOf(repeated), stack.size())) {
      cycle.add(uri.toString());
    }
    cycle.add(repeated.toString());
    return new AlcoveException(
        "the steps form a cycle: "
            + String.join(" -> ", cycle)
            + " (each depends on the next): remove one of these dependencies");
  }

  /** Steps in {@code order()} restricted to {@code subset}. */
  public List<StepUri> ordered(Set<StepUri> subset) {
    return order.stream().filter(subset::contains).toList();
  }
}
