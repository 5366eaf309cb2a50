package dev.alcove.core.checksum;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds a {@link TreeMap} from entries already in {@link DirectoryManifest#CODE_POINT_ORDER} in
 * time linear in their number: {@code TreeMap.putAll} builds a balanced tree directly from a sorted
 * map with its comparator, where putting each entry compares it with a path down the tree. A scan
 * of 100,000 files, made on every build, otherwise spends more in comparing paths than in stat-ing
 * the files.
 */
final class SortedEntries {

  private SortedEntries() {}

  /**
   * The tree of {@code sorted}, which must be in code-point order with no key twice: entries out of
   * order (a state file edited by hand) are refused, as a tree built from them would be corrupt.
   */
  static <V> TreeMap<String, V> treeOf(List<Map.Entry<String, V>> sorted) {
    for (int i = 1; i < sorted.size(); i++) {
      if (DirectoryManifest.CODE_POINT_ORDER.compare(
              sorted.get(i - 1).getKey(), sorted.get(i).getKey())
          >= 0) {
        throw new IllegalArgumentException("entries out of order at " + sorted.get(i).getKey());
      }
    }
    TreeMap<String, V> tree = new TreeMap<>(DirectoryManifest.CODE_POINT_ORDER);
    tree.putAll(new View<>(sorted));
    return tree;
  }

  /** Only what {@code TreeMap.putAll} reads of a sorted map: its size, order and entries. */
  private static final class View<V> extends AbstractMap<String, V>
      implements SortedMap<String, V> {
    private final List<Map.Entry<String, V>> sorted;

    View(List<Map.Entry<String, V>> sorted) {
      this.sorted = sorted;
    }

    @Override
    public Comparator<? super String> comparator() {
      return DirectoryManifest.CODE_POINT_ORDER;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, V>> iterator() {
          return sorted.iterator();
        }

        @Override
        public int size() {
          return sorted.size();
        }
      };
    }

    @Override
    public SortedMap<String, V> subMap(String fromKey, String toKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<String, V> headMap(String toKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<String, V> tailMap(String fromKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String firstKey() {
      return sorted.get(0).getKey();
    }

    @Override
    public String lastKey() {
      return sorted.get(sorted.size() - 1).getKey();
    }
  }
}
