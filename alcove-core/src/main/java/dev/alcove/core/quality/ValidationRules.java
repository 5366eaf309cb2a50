package dev.alcove.core.quality;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.uri.StepUri;
import dev.alcove.core.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads a table config's {@code validation:} mapping into data tests. Each rule but the Python
 * tool's four takes a {@code severity} ({@code error}, the default, or {@code warn}) where its
 * value is written as a mapping.
 */
public final class ValidationRules {

  public static final List<String> KEYS =
      List.of(
          "required_columns",
          "unique_columns",
          "not_null",
          "require_dimension_prefix",
          "accepted_values",
          "relationships",
          "row_count",
          "expressions",
          "tests");

  private static final Pattern TEST_NAME = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

  private ValidationRules() {}

  public static List<DataTest> parse(YamlMap validation) {
    for (String key : validation.keys()) {
      if (!KEYS.contains(key)) {
        throw validation.error(
            key, "unknown validation '" + key + "' (expected " + String.join(", ", KEYS) + ")");
      }
    }
    List<DataTest> tests = new ArrayList<>();
    validation
        .stringList("required_columns")
        .forEach(c -> tests.add(new DataTest.RequiredColumn(c)));
    validation.stringList("unique_columns").forEach(c -> tests.add(new DataTest.UniqueColumn(c)));
    validation.stringList("not_null").forEach(c -> tests.add(new DataTest.NotNull(c)));
    if (validation.bool("require_dimension_prefix").orElse(false)) {
      tests.add(new DataTest.DimensionPrefix());
    }
    validation
        .map("accepted_values")
        .ifPresent(
            columns -> {
              for (String column : columns.keys()) {
                if (columns.raw(column).orElse(null) instanceof Map) {
                  YamlMap rule = columns.map(column).orElseThrow();
                  allowOnly(rule, "values", "severity");
                  tests.add(
                      new DataTest.AcceptedValues(
                          column, requireList(rule, "values"), severity(rule)));
                } else {
                  tests.add(
                      new DataTest.AcceptedValues(
                          column, requireList(columns, column), Severity.ERROR));
                }
              }
            });
    validation
        .map("relationships")
        .ifPresent(
            columns -> {
              for (String column : columns.keys()) {
                YamlMap rule =
                    columns
                        .map(column)
                        .orElseThrow(
                            () ->
                                columns.error(
                                    column,
                                    "relationships: '"
                                        + column
                                        + "' needs {to: table://..., column: ...}"));
                allowOnly(rule, "to", "column", "severity");
                StepUri to;
                try {
                  to = StepUri.parse(rule.requireString("to"));
                } catch (AlcoveException e) {
                  throw rule.error("to", e.getMessage());
                }
                if (!to.isTable()) {
                  throw rule.error("to", "relationships: 'to' must be a table:// URI, not " + to);
                }
                tests.add(
                    new DataTest.Relationship(
                        column, to, rule.string("column").orElse(column), severity(rule)));
              }
            });
    validation
        .map("row_count")
        .ifPresent(
            rule -> {
              allowOnly(rule, "min", "max", "severity");
              OptionalLong min = optionalLong(rule, "min");
              OptionalLong max = optionalLong(rule, "max");
              if (min.isPresent() && max.isPresent() && min.getAsLong() > max.getAsLong()) {
                throw rule.error("min", "row_count: min is above max");
              }
              tests.add(new DataTest.RowCount(min, max, severity(rule)));
            });
    for (Object item : list(validation, "expressions")) {
      if (item instanceof Map<?, ?> rule) {
        tests.add(
            new DataTest.Expression(
                text(validation, "expressions", rule, "expression"),
                severity(validation, "expressions", rule)));
      } else {
        tests.add(new DataTest.Expression(String.valueOf(item), Severity.ERROR));
      }
    }
    for (Object item : list(validation, "tests")) {
      String name;
      Severity severity = Severity.ERROR;
      if (item instanceof Map<?, ?> rule) {
        name = text(validation, "tests", rule, "name");
        severity = severity(validation, "tests", rule);
      } else {
        name = String.valueOf(item);
      }
      name = name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
      if (!TEST_NAME.matcher(name).matches()) {
        throw validation.error(
            "tests",
            "tests: '"
                + name
                + "' is not a test's name: name a file under src/steps/tests/ without .sql,"
                + " e.g. countries/no_orphans");
      }
      tests.add(new DataTest.SqlTest(name, severity));
    }
    return tests;
  }

  private static void allowOnly(YamlMap rule, String... keys) {
    for (String key : rule.keys()) {
      if (!List.of(keys).contains(key)) {
        throw rule.error(
            key, "unknown key '" + key + "' (expected " + String.join(", ", keys) + ")");
      }
    }
  }

  private static List<String> requireList(YamlMap map, String key) {
    if (!(map.raw(key).orElse(null) instanceof List)) {
      throw map.error(key, "'" + key + "' must be a list of values");
    }
    return map.stringList(key);
  }

  private static OptionalLong optionalLong(YamlMap map, String key) {
    return map.integer(key).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  private static Severity severity(YamlMap rule) {
    return rule.string("severity")
        .map(text -> severityOf(text, rule, "severity"))
        .orElse(Severity.ERROR);
  }

  private static Severity severity(YamlMap validation, String key, Map<?, ?> rule) {
    Object value = rule.get("severity");
    return value == null ? Severity.ERROR : severityOf(String.valueOf(value), validation, key);
  }

  private static Severity severityOf(String text, YamlMap where, String key) {
    return Severity.parse(text)
        .orElseThrow(() -> where.error(key, "severity '" + text + "': use error or warn"));
  }

  private static List<?> list(YamlMap validation, String key) {
    Object value = validation.raw(key).orElse(List.of());
    if (!(value instanceof List<?> items)) {
      throw validation.error(key, "'" + key + "' must be a list");
    }
    return items;
  }

  private static String text(YamlMap validation, String key, Map<?, ?> rule, String field) {
    for (Object name : rule.keySet()) {
      if (!List.of(field, "severity").contains(String.valueOf(name))) {
        throw validation.error(
            key, key + ": unknown key '" + name + "' (expected " + field + ", severity)");
      }
    }
    Object value = rule.get(field);
    if (value == null || value instanceof Map || value instanceof List) {
      throw validation.error(key, key + ": each item needs '" + field + "'");
    }
    return String.valueOf(value);
  }
}
