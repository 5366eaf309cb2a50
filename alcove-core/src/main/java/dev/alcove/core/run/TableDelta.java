package dev.alcove.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rebuilt table against the output it replaced, in one line: {@code rows 248 -> 251, +1 column}.
 */
final class TableDelta {

  private TableDelta() {}

  static String describe(
      long rowsBefore, Map<String, String> before, long rowsAfter, Map<String, String> after) {
    List<String> parts = new ArrayList<>();
    parts.add(String.format(Locale.ROOT, "rows %,d -> %,d", rowsBefore, rowsAfter));
    long added = after.keySet().stream().filter(c -> !before.containsKey(c)).count();
    long removed = before.keySet().stream().filter(c -> !after.containsKey(c)).count();
    long retyped =
        after.keySet().stream()
            .filter(c -> before.containsKey(c) && !before.get(c).equals(after.get(c)))
            .count();
    if (added > 0) {
      parts.add("+" + added + (added == 1 ? " column" : " columns"));
    }
    if (removed > 0) {
      parts.add("-" + removed + (removed == 1 ? " column" : " columns"));
    }
    if (retyped > 0) {
      parts.add(retyped + (retyped == 1 ? " column retyped" : " columns retyped"));
    }
    return String.join(", ", parts);
  }
}
