package io.hatchery.stats;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A map from {@code long} keys to {@code long} counts without boxing: the Java form of Locust's
 * {@code response_times} (bucket ms &rarr; count), {@code num_reqs_per_sec} and {@code
 * num_fail_per_sec} (epoch second &rarr; count) dicts.
 *
 * <p>Like the Python dicts, a key added with a count of 0 is kept (it takes part in Locust's
 * percentile walk), and iteration follows insertion order; use {@link #sortedKeys()} for ordered
 * walks.
 *
 * <p>Layout, as CPython's compact dict: the keys and counts sit densely in insertion order, and a
 * separate open-addressing index (slot &rarr; position) finds a key. The index is built only when a
 * lookup first needs it, and never for {@value #SCAN_LIMIT} keys or fewer, which are scanned. So a
 * map read from a worker's report ({@link Builder}) is two exactly sized arrays that a merge walks
 * once, instead of a half-empty hash table per entry per report.
 *
 * <p>Thread-safety: not thread-safe while it changes; confine to one thread, or publish it safely
 * and only read it then (lookups from several threads are safe, the lazily built index included).
 */
public final class LongCounts {
  /** Up to this many keys, a lookup scans the keys instead of building the index. */
  static final int SCAN_LIMIT = 8;

  private static final long[] NO_LONGS = new long[0];

  /** See {@link #home}. */
  private static final long SEED = new SecureRandom().nextLong();

  /** Functional interface for {@link #forEach}: receives one key and its count. */
  @FunctionalInterface
  public interface Visitor {
    void accept(long key, long count);
  }

  private long[] keys;
  private long[] counts;
  private int size;

  /**
   * Slot &rarr; position + 1 (0: empty); null until built; capacity at least twice the keys'.
   * Volatile because a lookup builds it lazily: on a map already published to several readers (a
   * snapshot's statistics), one may build it while another reads it, and must see the whole array.
   */
  private volatile int[] index;

  /** Creates an empty map. */
  public LongCounts() {
    this(NO_LONGS, NO_LONGS, 0);
  }

  /** Creates an empty map that holds {@code expectedKeys} keys without growing. */
  public static LongCounts withExpectedKeys(int expectedKeys) {
    int capacity = Math.max(0, expectedKeys);
    return new LongCounts(new long[capacity], new long[capacity], 0);
  }

  private LongCounts(long[] keys, long[] counts, int size) {
    this.keys = keys;
    this.counts = counts;
    this.size = size;
  }

  /** Returns the count of {@code key}, 0 when absent. */
  public long get(long key) {
    int position = positionOf(key);
    return position >= 0 ? counts[position] : 0;
  }

  /** Returns whether {@code key} is present (possibly with a count of 0). */
  public boolean containsKey(long key) {
    return positionOf(key) >= 0;
  }

  /** Adds {@code delta} to the count of {@code key}, inserting the key if absent. */
  public void add(long key, long delta) {
    int position = positionOf(key);
    if (position >= 0) {
      counts[position] += delta;
      return;
    }
    if (size == keys.length) {
      int capacity = Math.max(4, size * 2);
      keys = Arrays.copyOf(keys, capacity);
      counts = Arrays.copyOf(counts, capacity);
      index = null; // rebuilt at the new size by the next lookup
    }
    keys[size] = key;
    counts[size] = delta;
    size++;
    int[] table = index;
    if (table != null) {
      insert(table, key, size);
    }
  }

  /** Adds every count of {@code other} into this map (Locust's per-key sum in {@code extend}). */
  public void addAll(LongCounts other) {
    long[] otherKeys = other.keys;
    long[] otherCounts = other.counts;
    int n = other.size;
    int i = 0;
    while (i < n) {
      int[] table = index;
      if (table != null) {
        // The usual merge: every key is already here. One read of the index and the arrays for
        // the whole run of such keys, instead of one per key.
        long[] ownKeys = keys;
        long[] ownCounts = counts;
        for (; i < n; i++) {
          int position = probe(table, ownKeys, otherKeys[i]);
          if (position < 0) {
            break;
          }
          ownCounts[position] += otherCounts[i];
        }
        if (i == n) {
          return;
        }
      }
      add(otherKeys[i], otherCounts[i]); // a new key, or no index yet
      i++;
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
    for (int i = 0; i < size; i++) {
      sum += counts[i];
    }
    return sum;
  }

  /** Returns the keys in ascending order (a new array). */
  public long[] sortedKeys() {
    long[] sorted = Arrays.copyOf(keys, size);
    Arrays.sort(sorted);
    return sorted;
  }

  /** Visits every key and count, in insertion order. */
  public void forEach(Visitor visitor) {
    for (int i = 0; i < size; i++) {
      visitor.accept(keys[i], counts[i]);
    }
  }

  /** Returns an independent copy. */
  public LongCounts copy() {
    LongCounts copy = new LongCounts(keys.clone(), counts.clone(), size);
    int[] table = index;
    copy.index = table == null ? null : table.clone();
    return copy;
  }

  /**
   * Returns {@code this - old} for keys of this map whose difference is non-zero; mirrors {@code
   * diff_response_time_dicts} in locust/stats.py.
   */
  public LongCounts minus(LongCounts old) {
    LongCounts diff = new LongCounts();
    for (int i = 0; i < size; i++) {
      long d = counts[i] - old.get(keys[i]);
      if (d != 0) {
        diff.add(keys[i], d);
      }
    }
    return diff;
  }

  /** Removes every key. */
  public void clear() {
    size = 0;
    int[] table = index;
    if (table != null) {
      Arrays.fill(table, 0);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LongCounts other) || other.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      int position = other.positionOf(keys[i]);
      if (position < 0 || other.counts[position] != counts[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < size; i++) {
      h += Long.hashCode(keys[i]) ^ Long.hashCode(counts[i]);
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

  /** The position of {@code key} in the dense arrays, or -1. */
  private int positionOf(long key) {
    int[] table = index;
    if (table == null) {
      if (size <= SCAN_LIMIT) {
        for (int i = 0; i < size; i++) {
          if (keys[i] == key) {
            return i;
          }
        }
        return -1;
      }
      table = buildIndex(keys, size);
      index = table;
    }
    return probe(table, keys, key);
  }

  /** The position of {@code key} in {@code keys} as indexed by {@code table}, or -1. */
  private static int probe(int[] table, long[] keys, long key) {
    int mask = table.length - 1;
    for (int slot = home(key, table.length); ; slot = (slot + 1) & mask) {
      int entry = table[slot];
      if (entry == 0) {
        return -1;
      }
      if (keys[entry - 1] == key) {
        return entry - 1;
      }
    }
  }

  private static int[] buildIndex(long[] keys, int size) {
    int[] table = new int[tableCapacity(keys.length)];
    for (int i = 0; i < size; i++) {
      insert(table, keys[i], i + 1);
    }
    return table;
  }

  /** Puts {@code entry} (position + 1) of a key known to be absent into {@code table}. */
  private static void insert(int[] table, long key, int entry) {
    int mask = table.length - 1;
    int slot = home(key, table.length);
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = entry;
  }

  /**
   * How far, on average, the keys of {@code counts}'s index sit from their home slots: the extra
   * probes a lookup takes (for tests).
   */
  static double meanDisplacement(LongCounts counts) {
    counts.containsKey(0); // builds the index of a map above the scan limit
    int[] table = counts.index;
    if (table == null || counts.size == 0) {
      return 0;
    }
    int mask = table.length - 1;
    long total = 0;
    for (int slot = 0; slot < table.length; slot++) {
      if (table[slot] != 0) {
        total += (slot - home(counts.keys[table[slot] - 1], table.length)) & mask;
      }
    }
    return (double) total / counts.size;
  }

  /** A power of two of at least twice {@code keys}, so the index is at most half full. */
  static int tableCapacity(int keys) {
    int capacity = 8;
    while (capacity < keys * 2 && capacity < (1 << 30)) {
      capacity <<= 1;
    }
    return capacity;
  }

  /**
   * The slot of {@code key} in a table of {@code capacity} slots (a power of two): the top bits of
   * one multiplication by 2^64 / &phi; (Fibonacci hashing), after a per-process seed and after
   * folding the key's high half into its low half, so that keys that differ only in their high bits
   * spread too. Keys are chosen by the peers that send reports: with the low bits of a folded
   * product, as before, 2^18 keys spaced 2^44 apart all landed in one probe run (134 million
   * probes); here the worst spacing found (2^13 to 2^16 apart) costs ~5 probes a key at 2^18 keys
   * and ~6 at 2^20, against ~0.5 for random keys. SplitMix64's stronger mix cost ~3 µs per report.
   */
  static int home(long key, int capacity) {
    int shift = Integer.numberOfLeadingZeros(capacity) + 33; // 64 - log2(capacity)
    long h = key ^ SEED;
    h ^= h >>> 32;
    return (int) ((h * 0x9E3779B97F4A7C15L) >>> shift);
  }

  /**
   * Collects the pairs of one map whose keys must be distinct, as a report's dicts are, and makes
   * an exactly sized {@link LongCounts} of them, with no index. Reusable, so each map costs only
   * its pairs, and the only memory a map leaves behind is its two arrays.
   *
   * <p>Duplicates are found two ways. Keys in [0, {@value #SMALL_KEYS}), which hold every bucket of
   * a {@code response_times} dict below 10 s, are marked in a bitset whose touched words {@link
   * #reset} clears; one load and one store a key. Other keys (epoch seconds, slow buckets, whatever
   * a peer chooses) go through an open-addressing table cleared by a generation stamp.
   *
   * <p>Not thread-safe: one builder per thread, reused map after map.
   */
  public static final class Builder {
    /** Keys below this are marked in {@link #smallKeys}: 4,096 bits, 512 bytes. */
    static final int SMALL_KEYS = 4096; // 64 words of marks: one bit of markedWords each

    private long[] keys = new long[64];
    private long[] counts = new long[64];
    private int size;
    private final long[] smallKeys = new long[SMALL_KEYS / Long.SIZE];

    /** Bit {@code w} set: word {@code w} of {@link #smallKeys} may hold marks (64 words). */
    private long markedWords;

    private long[] tableKeys = new long[128];
    private int[] tableStamps = new int[128];
    private int tableSize;
    private int stamp = 1;

    /** Forgets the pairs of the previous map. */
    public void reset() {
      // The few words the last map marked (buckets cluster), not one store per key.
      for (long words = markedWords; words != 0; words &= words - 1) {
        smallKeys[Long.numberOfTrailingZeros(words)] = 0;
      }
      markedWords = 0;
      size = 0;
      tableSize = 0;
      if (++stamp == 0) {
        Arrays.fill(tableStamps, 0);
        stamp = 1;
      }
    }

    /**
     * Adds a pair; false, adding nothing, if {@code key} was already added since {@link #reset}.
     */
    public boolean put(long key, long count) {
      if (!mark(key)) {
        return false;
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        counts = Arrays.copyOf(counts, size * 2);
      }
      keys[size] = key;
      counts[size] = count;
      size++;
      return true;
    }

    /**
     * Adds the first {@code n} pairs of the two arrays in order, as {@link #put} one by one would;
     * false at the first key already added since {@link #reset} (the pairs before it stay added).
     * The loop keeps its arrays and size in locals.
     */
    public boolean putAll(long[] pairKeys, long[] pairCounts, int n) {
      if (keys.length - size < n) {
        int capacity = Math.max(keys.length * 2, size + n);
        keys = Arrays.copyOf(keys, capacity);
        counts = Arrays.copyOf(counts, capacity);
      }
      long[] ownKeys = keys;
      long[] ownCounts = counts;
      int added = size;
      for (int i = 0; i < n; i++) {
        long key = pairKeys[i];
        if (!mark(key)) {
          size = added;
          return false;
        }
        ownKeys[added] = key;
        ownCounts[added] = pairCounts[i];
        added++;
      }
      size = added;
      return true;
    }

    /** The pairs added since {@link #reset}, in order, as a new map. */
    public LongCounts build() {
      return new LongCounts(Arrays.copyOf(keys, size), Arrays.copyOf(counts, size), size);
    }

    /** Marks {@code key} as added; false if it already was since {@link #reset}. */
    private boolean mark(long key) {
      if (key >= 0 && key < SMALL_KEYS) {
        int word = (int) key >>> 6;
        long bit = 1L << key;
        long marks = smallKeys[word];
        if ((marks & bit) != 0) {
          return false;
        }
        smallKeys[word] = marks | bit;
        markedWords |= 1L << word;
        return true;
      }
      if (tableSize * 2 >= tableKeys.length) {
        growTable();
      }
      int mask = tableKeys.length - 1;
      int slot = home(key, tableKeys.length);
      while (tableStamps[slot] == stamp) {
        if (tableKeys[slot] == key) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
      tableStamps[slot] = stamp;
      tableKeys[slot] = key;
      tableSize++;
      return true;
    }

    /** Doubles the table, moving over the keys marked in it since {@link #reset}. */
    private void growTable() {
      long[] oldKeys = tableKeys;
      int[] oldStamps = tableStamps;
      int oldStamp = stamp;
      int capacity = oldKeys.length * 2;
      tableKeys = new long[capacity];
      tableStamps = new int[capacity];
      stamp = 1;
      int mask = capacity - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldStamps[i] != oldStamp) {
          continue;
        }
        int slot = home(oldKeys[i], capacity);
        while (tableStamps[slot] == stamp) {
          slot = (slot + 1) & mask;
        }
        tableStamps[slot] = stamp;
        tableKeys[slot] = oldKeys[i];
      }
    }
  }
}
