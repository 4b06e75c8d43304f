package io.hatchery.stats;

import java.util.Arrays;

/**
 * A map from {@code long} keys to {@code long} counts without boxing: the Java form of Locust's
 * {@code response_times} (bucket ms &rarr; count), {@code num_reqs_per_sec} and {@code
 * num_fail_per_sec} (epoch second &rarr; count) dicts.
 *
 * <p>Like the Python dicts, a key added with a count of 0 is kept (it takes part in Locust's
 * percentile walk). Iteration order is unspecified; use {@link #sortedKeys()} for ordered walks.
 *
 * <p>Thread-safety: not thread-safe; confine to one thread or publish safely.
 */
public final class LongCounts {

  /** Receives one key and its count. */
  @FunctionalInterface
  public interface Visitor {
    void accept(long key, long count);
  }

  private long[] keys;
  private long[] counts;
  private boolean[] used;
  private int size;

  /** Creates an empty map. */
  public LongCounts() {
    this(8);
  }

  /** Creates an empty map that holds {@code expectedKeys} keys without growing. */
  public static LongCounts withExpectedKeys(int expectedKeys) {
    int capacity = 8;
    while (capacity < expectedKeys * 2 && capacity < (1 << 30)) {
      capacity <<= 1;
    }
    return new LongCounts(capacity);
  }

  private LongCounts(int capacity) {
    keys = new long[capacity];
    counts = new long[capacity];
    used = new boolean[capacity];
  }

  /** Returns the count of {@code key}, 0 when absent. */
  public long get(long key) {
    int slot = find(key);
    return slot >= 0 ? counts[slot] : 0;
  }

  /** Returns whether {@code key} is present (possibly with a count of 0). */
  public boolean containsKey(long key) {
    return find(key) >= 0;
  }

  /** Adds {@code delta} to the count of {@code key}, inserting the key if absent. */
  public void add(long key, long delta) {
    int mask = keys.length - 1;
    int slot = hash(key) & mask;
    while (used[slot]) {
      if (keys[slot] == key) {
        counts[slot] += delta;
        return;
      }
      slot = (slot + 1) & mask;
    }
    used[slot] = true;
    keys[slot] = key;
    counts[slot] = delta;
    if (++size * 2 > keys.length) {
      grow();
    }
  }

  /** Adds every count of {@code other} into this map (Locust's per-key sum in {@code extend}). */
  public void addAll(LongCounts other) {
    long[] otherKeys = other.keys;
    long[] otherCounts = other.counts;
    boolean[] otherUsed = other.used;
    for (int i = 0; i < otherKeys.length; i++) {
      if (otherUsed[i]) {
        add(otherKeys[i], otherCounts[i]);
      }
    }
  }

  /** Returns the number of keys. */
  public int size() {
    return size;
  }

  /** Returns whether there are no keys. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Returns the sum of all counts. */
  public long sum() {
    long sum = 0;
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        sum += counts[i];
      }
    }
    return sum;
  }

  /** Returns the keys in ascending order (a new array). */
  public long[] sortedKeys() {
    long[] sorted = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        sorted[n++] = keys[i];
      }
    }
    Arrays.sort(sorted);
    return sorted;
  }

  /** Visits every key and count, in unspecified order. */
  public void forEach(Visitor visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        visitor.accept(keys[i], counts[i]);
      }
    }
  }

  /** Returns an independent copy. */
  public LongCounts copy() {
    LongCounts copy = new LongCounts(0);
    copy.keys = keys.clone();
    copy.counts = counts.clone();
    copy.used = used.clone();
    copy.size = size;
    return copy;
  }

  /**
   * Returns {@code this - old} for keys of this map whose difference is non-zero; mirrors {@code
   * diff_response_time_dicts} in locust/stats.py.
   */
  public LongCounts minus(LongCounts old) {
    LongCounts diff = new LongCounts();
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        long d = counts[i] - old.get(keys[i]);
        if (d != 0) {
          diff.add(keys[i], d);
        }
      }
    }
    return diff;
  }

  /** Removes every key. */
  public void clear() {
    Arrays.fill(used, false);
    size = 0;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LongCounts other) || other.size != size) {
      return false;
    }
    for (int i = 0; i < keys.length; i++) {
      if (used[i] && (!other.containsKey(keys[i]) || other.get(keys[i]) != counts[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        h += Long.hashCode(keys[i]) ^ Long.hashCode(counts[i]);
      }
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (long key : sortedKeys()) {
      sb.append(sb.length() > 1 ? ", " : "").append(key).append('=').append(get(key));
    }
    return sb.append('}').toString();
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int slot = hash(key) & mask;
    while (used[slot]) {
      if (keys[slot] == key) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        add(oldKeys[i], oldCounts[i]);
      }
    }
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
