package dev.alcove.core.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What changed from one version to another: the schema, the row counts and, for tabular data, rows
 * added, removed and changed (with a key; without one, rows only on each side), each changed
 * column's count and numeric drift, and a few examples of each; for folder snapshots, files added,
 * removed and changed.
 */
public record DiffReport(
    String from,
    String to,
    List<String> keys,
    List<String> columnsAdded,
    List<String> columnsRemoved,
    Map<String, String> columnsRetyped,
    long rowsBefore,
    long rowsAfter,
    long added,
    long removed,
    long changed,
    Map<String, Long> changedByColumn,
    Map<String, Drift> drift,
    Map<String, List<String>> samples,
    boolean files) {

  /** A numeric column's minimum, maximum and mean, before and after. */
  public record Drift(
      Double minBefore,
      Double minAfter,
      Double maxBefore,
      Double maxAfter,
      Double meanBefore,
      Double meanAfter) {}

  public boolean schemaChanged() {
    return !columnsAdded.isEmpty() || !columnsRemoved.isEmpty() || !columnsRetyped.isEmpty();
  }

  public boolean rowsChanged() {
    return added > 0 || removed > 0 || changed > 0 || rowsBefore != rowsAfter;
  }

  /** For people: short, aligned, the biggest changes first. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    String unit = files ? "files" : "rows";
    lines.add(from + " -> " + to);
    if (!schemaChanged() && !rowsChanged()) {
      lines.add("  no change");
      return lines;
    }
    if (schemaChanged()) {
      columnsAdded.forEach(c -> lines.add("  + column " + c));
      columnsRemoved.forEach(c -> lines.add("  - column " + c));
      columnsRetyped.forEach((c, change) -> lines.add("  ~ column " + c + ": " + change));
    }
    lines.add(String.format(Locale.ROOT, "  %s: %,d -> %,d", unit, rowsBefore, rowsAfter));
    String side = keys.isEmpty() && !files ? " (whole rows, no key)" : "";
    lines.add(
        String.format(
            Locale.ROOT,
            "  %,d added, %,d removed, %,d changed%s%s",
            added,
            removed,
            changed,
            keys.isEmpty() ? "" : " (key: " + String.join(", ", keys) + ")",
            side));
    changedByColumn.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .filter(e -> e.getValue() > 0)
        .forEach(
            e ->
                lines.add(
                    String.format(Locale.ROOT, "    %-24s %,d changed", e.getKey(), e.getValue())));
    drift.forEach(
        (column, d) ->
            lines.add(
                String.format(
                    Locale.ROOT,
                    "    %-24s min %s -> %s, max %s -> %s, mean %s -> %s",
                    column,
                    number(d.minBefore()),
                    number(d.minAfter()),
                    number(d.maxBefore()),
                    number(d.maxAfter()),
                    number(d.meanBefore()),
                    number(d.meanAfter()))));
    samples.forEach(
        (kind, examples) -> {
          if (!examples.isEmpty()) {
            lines.add("  " + kind + ", e.g.: " + String.join("; ", examples));
          }
        });
    return lines;
  }

  /** For scripts: snake-case keys, as every document of this plugin. */
  public Map<String, Object> document() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("from", from);
    document.put("to", to);
    document.put("kind", files ? "files" : "rows");
    document.put("key", keys);
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("added", columnsAdded);
    schema.put("removed", columnsRemoved);
    schema.put("retyped", columnsRetyped);
    document.put("schema", schema);
    document.put("rows_before", rowsBefore);
    document.put("rows_after", rowsAfter);
    document.put("added", added);
    document.put("removed", removed);
    document.put("changed", changed);
    document.put("changed_by_column", changedByColumn);
    Map<String, Object> drifts = new LinkedHashMap<>();
    drift.forEach(
        (column, d) -> {
          Map<String, Object> values = new LinkedHashMap<>();
          values.put("min_before", d.minBefore());
          values.put("min_after", d.minAfter());
          values.put("max_before", d.maxBefore());
          values.put("max_after", d.maxAfter());
          values.put("mean_before", d.meanBefore());
          values.put("mean_after", d.meanAfter());
          drifts.put(column, values);
        });
    document.put("drift", drifts);
    document.put("samples", samples);
    return document;
  }

  private static String number(Double value) {
    if (value == null) {
      return "null";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.format(Locale.ROOT, "%d", value.longValue())
        : String.format(Locale.ROOT, "%.4g", value);
  }
}
