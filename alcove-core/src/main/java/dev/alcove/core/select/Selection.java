package dev.alcove.core.select;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.uri.StepUri;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which steps a goal works on: comma-separated selectors (see {@link Selector}), minus the excluded
 * ones. Empty means every step.
 */
public final class Selection {

  public static final Selection ALL = new Selection("", List.of(), List.of(), "", "");

  private final String text;
  private final List<Selector> selectors;
  private final List<Selector> excluded;
  private final String selectSetting;
  private final String excludeSetting;

  private Selection(
      String text,
      List<Selector> selectors,
      List<Selector> excluded,
      String selectSetting,
      String excludeSetting) {
    this.text = text;
    this.selectors = selectors;
    this.excluded = excluded;
    this.selectSetting = selectSetting;
    this.excludeSetting = excludeSetting;
  }

  /** Parses {@code select} and {@code exclude}, each comma-separated; either may be empty. */
  public static Selection parse(String select, String exclude, FrontEnd frontEnd) {
    String selectSetting = frontEnd.set(Setting.SELECT, select == null ? "" : select);
    String excludeSetting = frontEnd.set(Setting.EXCLUDE, exclude == null ? "" : exclude);
    return new Selection(
        select == null ? "" : select.strip(),
        terms(select, selectSetting),
        terms(exclude, excludeSetting),
        selectSetting,
        excludeSetting);
  }

  /**
   * Parses {@code select}, comma-separated, for a setting other than {@code alcove.select}: {@code
   * setting} is how messages name it.
   */
  public static Selection forSetting(String select, String setting) {
    return new Selection(
        select == null ? "" : select.strip(), terms(select, setting), List.of(), setting, setting);
  }

  private static List<Selector> terms(String text, String setting) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(term -> !term.isEmpty())
        .map(term -> Selector.parse(term, setting))
        .toList();
  }

  public boolean isAll() {
    return selectors.isEmpty() && excluded.isEmpty();
  }

  /** The selection as the user wrote it, for messages. */
  public String text() {
    return text;
  }

  /**
   * The selected steps among {@code steps}; {@code dependencies} and {@code dependents} walk the
   * graph for {@code +}. A term that names no step is an error: a typo must not quietly select
   * nothing. The regular-expression form brings its steps' upstream and downstream when {@code
   * regexBringsNeighbours}, as it always did for {@code run}.
   */
  public Set<StepUri> resolve(
      Collection<StepUri> steps,
      Function<StepUri, List<StepUri>> dependencies,
      Function<StepUri, List<StepUri>> dependents,
      boolean regexBringsNeighbours) {
    Set<StepUri> selected = new TreeSet<>();
    if (selectors.isEmpty()) {
      selected.addAll(steps);
    }
    for (Selector selector : selectors) {
      selected.addAll(
          expand(selector, steps, dependencies, dependents, regexBringsNeighbours, selectSetting));
    }
    for (Selector selector : excluded) {
      selected.removeAll(expand(selector, steps, dependencies, dependents, false, excludeSetting));
    }
    return selected;
  }

  private static Set<StepUri> expand(
      Selector selector,
      Collection<StepUri> steps,
      Function<StepUri, List<StepUri>> dependencies,
      Function<StepUri, List<StepUri>> dependents,
      boolean regexBringsNeighbours,
      String setting) {
    Set<StepUri> matched = matching(selector, steps);
    if (matched.isEmpty() && !selector.regex()) {
      selector = selector.asRegex(setting);
      matched = matching(selector, steps);
    }
    if (matched.isEmpty()) {
      throw new AlcoveException(
          setting
              + ": '"
              + selector.text()
              + "' matches no step (a step path such as countries/summary, a glob such as"
              + " countries/*, a URI, or a regular expression)");
    }
    Set<StepUri> expanded = new TreeSet<>(matched);
    boolean neighbours = selector.regex() && regexBringsNeighbours;
    if (selector.upstream() || neighbours) {
      walk(matched, dependencies, expanded);
    }
    if (selector.downstream() || neighbours) {
      walk(matched, dependents, expanded);
    }
    return expanded;
  }

  private static Set<StepUri> matching(Selector selector, Collection<StepUri> steps) {
    Set<StepUri> matched = new TreeSet<>();
    steps.stream().filter(selector.matches()).forEach(matched::add);
    return matched;
  }

  private static void walk(
      Set<StepUri> start, Function<StepUri, List<StepUri>> next, Set<StepUri> into) {
    Deque<StepUri> queue = new ArrayDeque<>(start);
    while (!queue.isEmpty()) {
      for (StepUri neighbour : next.apply(queue.pop())) {
        if (into.add(neighbour)) {
          queue.push(neighbour);
        }
      }
    }
  }
}
