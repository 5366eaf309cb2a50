package dev.alcove.core.duckdb;

import java.util.Locale;
import java.util.Set;

/** What kind of value a DuckDB type name holds, for checks that care about kinds, not names. */
public final class DuckDbTypes {

  private static final Set<String> INTEGERS =
      Set.of(
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "HUGEINT",
          "UTINYINT",
          "USMALLINT",
          "UINTEGER",
          "UBIGINT",
          "UHUGEINT");

  private DuckDbTypes() {}

  public static boolean isInteger(String type) {
    return INTEGERS.contains(type.toUpperCase(Locale.ROOT));
  }

  /** An integer, a float or a decimal. */
  public static boolean isNumber(String type) {
    String upper = type.toUpperCase(Locale.ROOT);
    return isInteger(upper)
        || upper.equals("FLOAT")
        || upper.equals("DOUBLE")
        || upper.startsWith("DECIMAL");
  }
}
