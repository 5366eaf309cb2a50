package dev.alcove.core.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The names a mistyped one was most likely meant to be, for "did you mean" messages. */
public final class NearestNames {

  private NearestNames() {}

  /**
   * Up to {@code most} of {@code names} nearest to {@code typed} by edit distance (case aside), or
   * containing it; empty when none is near enough to suggest.
   */
  public static Optional<List<String>> of(String typed, Collection<String> names, int most) {
    String wanted = typed.toLowerCase(Locale.ROOT);
    int near = Math.max(2, wanted.length() / 3);
    List<String> nearest =
        names.stream()
            .filter(
                name -> {
                  String candidate = name.toLowerCase(Locale.ROOT);
                  return candidate.contains(wanted) || distance(wanted, candidate) <= near;
                })
            .sorted(
                Comparator.comparingInt(
                        (String name) -> distance(wanted, name.toLowerCase(Locale.ROOT)))
                    .thenComparing(Comparator.naturalOrder()))
            .limit(most)
            .toList();
    return nearest.isEmpty() ? Optional.empty() : Optional.of(nearest);
  }

  /** Levenshtein's distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
