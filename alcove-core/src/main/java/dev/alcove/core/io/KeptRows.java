package dev.alcove.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A state file's {@link StateRows} with what this run changed laid over them: a row is parsed only
 * when its key is asked for, puts and removals stay in memory, and saving writes every row no
 * change touched as it was read, then the rows put. The build state a no-op run reads (the stat
 * cache, the build manifest, the table summaries) is read this way.
 */
public final class KeptRows<V> {

  private final StateRows kept;
  private final int fields;
  private final Function<String[], V> parse;
  // Empty for a removed row.
  private final Map<String, Optional<V>> changes = new ConcurrentHashMap<>();
  private volatile boolean unsaved;

  private KeptRows(StateRows kept, int fields, Function<String[], V> parse) {
    this.kept = kept;
    this.fields = fields;
    this.parse = parse;
  }

  /**
   * The rows of {@code file} of {@code fields} fields, each made a value by {@code parse} when
   * asked for; a row {@code parse} refuses by throwing counts as absent.
   */
  public static <V> KeptRows<V> read(Path file, int fields, Function<String[], V> parse) {
    return new KeptRows<>(StateRows.read(file), fields, parse);
  }

  /** No rows kept: only what is put. */
  public static <V> KeptRows<V> none(int fields, Function<String[], V> parse) {
    return new KeptRows<>(StateRows.none(), fields, parse);
  }

  /** The value of {@code key}: put, else kept and readable; null if removed or there is none. */
  public V get(String key) {
    Optional<V> changed = changes.get(key);
    if (changed != null) {
      return changed.orElse(null);
    }
    String[] parts = kept.get(key, fields);
    if (parts == null) {
      return null;
    }
    try {
      return parse.apply(parts);
    } catch (RuntimeException damaged) {
      return null; // as if never kept: whoever asked works it out again
    }
  }

  public void put(String key, V value) {
    changes.put(key, Optional.of(value));
    unsaved = true;
  }

  public void remove(String key) {
    changes.put(key, Optional.empty());
    unsaved = true;
  }

  /** Whether anything was put or removed since the rows were read or last saved. */
  public boolean unsaved() {
    return unsaved;
  }

  /** The fields of every row as read, changed since or not. */
  public void forEachKept(BiConsumer<String, String[]> each) {
    kept.forEachLine(
        (key, line) -> {
          String[] parts = kept.get(key, fields);
          if (parts != null) {
            each.accept(key, parts);
          }
        });
  }

  /** Every key with its value as {@link #get} gives it, removed and unreadable rows left out. */
  public void forEach(BiConsumer<String, V> each) {
    kept.forEachLine(
        (key, line) -> {
          if (!changes.containsKey(key)) {
            V value = get(key);
            if (value != null) {
              each.accept(key, value);
            }
          }
        });
    changes.forEach((key, value) -> value.ifPresent(present -> each.accept(key, present)));
  }

  /**
   * Writes {@code header} and the rows to {@code file} atomically: each row no change touched as it
   * was read, then each put as {@code row} makes it (null leaves it out).
   */
  public void save(Path file, String header, BiFunction<String, V, String> row) {
    List<String> lines = new ArrayList<>(kept.size() + changes.size());
    kept.forEachLine(
        (key, line) -> {
          if (!changes.containsKey(key)) {
            lines.add(line);
          }
        });
    changes.forEach(
        (key, value) -> value.map(present -> row.apply(key, present)).ifPresent(lines::add));
    StateFile.write(file, header, lines);
    unsaved = false;
  }
}
