package dev.alcove.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * A {@link StateFile} kept as the one string it was read into, indexed by each row's first field; a
 * row is cut into fields only when it is asked for. A run with nothing to do looks up each of
 * thousands of rows once: made into objects up front, they were the garbage collector's largest
 * copy of the run (tens of thousands of strings, each moved out of the young generation), and most
 * were parsed for nothing. The last row with a key is the one that counts, as a map's last put.
 */
final class StateRows {

  private static final StateRows NONE = new StateRows("", new int[1], 0);

  private final String text;
  // Open addressing: each slot holds a row's start offset plus one, or 0 where no row is.
  private final int[] slots;
  private final int size;

  private StateRows(String text, int[] slots, int size) {
    this.text = text;
    this.slots = slots;
    this.size = size;
  }

  public static StateRows none() {
    return NONE;
  }

  /** The rows of {@code file}; none if it is missing or cannot be read, as for any state file. */
  public static StateRows read(Path file) {
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    try {
      return index(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return NONE;
    }
  }

  static StateRows index(String text) {
    int rows = 0;
    for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
      rows++;
    }
    int[] slots = new int[Integer.highestOneBit(Math.max(rows + 1, 2) * 2) * 2];
    int size = 0;
    int start = 0;
    while (start < text.length()) {
      int end = lineEnd(text, start);
      int tab = text.indexOf('\t', start);
      if (end > start && text.charAt(start) != '#' && tab >= 0 && tab < end) {
        int slot = find(text, slots, text, start, tab - start, hash(text, start, tab));
        if (slots[slot] == 0) {
          size++;
        }
        slots[slot] = start + 1;
      }
      start = end + 1;
    }
    return new StateRows(text, slots, size);
  }

  public int size() {
    return size;
  }

  /**
   * The {@code fields} fields of the row whose first field is {@code key}, or null if there is none
   * or it has another number of fields.
   */
  public String[] get(String key, int fields) {
    int row = slots[find(text, slots, key, 0, key.length(), key.hashCode())] - 1;
    return row < 0 ? null : StateFile.fieldsOf(text, row, lineEnd(text, row), fields);
  }

  /** Each row's key and whole line as read, in no particular order, to write back unchanged. */
  public void forEachLine(BiConsumer<String, String> each) {
    for (int slot : slots) {
      if (slot != 0) {
        int start = slot - 1;
        int end = lineEnd(text, start);
        each.accept(text.substring(start, text.indexOf('\t', start)), text.substring(start, end));
      }
    }
  }

  private static int lineEnd(String text, int start) {
    int end = text.indexOf('\n', start);
    return end < 0 ? text.length() : end;
  }

  /** {@link String#hashCode} of text[start, end), so that a key's own cached hash finds its row. */
  private static int hash(String text, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    return hash;
  }

  /** The slot of the row keyed by key[from, from + length), or the empty slot where it would go. */
  private static int find(String text, int[] slots, String key, int from, int length, int hash) {
    int mask = slots.length - 1;
    int slot = (hash ^ (hash >>> 16)) & mask;
    while (slots[slot] != 0) {
      int row = slots[slot] - 1;
      if (text.startsWith("\t", row + length) && text.regionMatches(row, key, from, length)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }
}
