package io.hatchery.protocol.msgpack;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * The mutable map every decoded msgpack map becomes: entries iterate in insertion (wire) order, a
 * {@code put} of a present key keeps its position and replaces its value, and keys and values may
 * be of any type, {@code null} included, all as {@link java.util.LinkedHashMap} does (and as
 * Python's {@code dict} does with the same bytes).
 *
 * <p>Why not {@code LinkedHashMap}: a Locust stats report is mostly small maps ({@code
 * response_times} of ~50 buckets, 14-key entries). {@code LinkedHashMap} spends a 40-byte node per
 * entry; this map keeps keys and values in one array in insertion order, their hash codes in a
 * second, and only for maps above {@link #LINEAR_MAX} entries an open-addressing table of entry
 * numbers, so a decoded report takes about half the memory and time. Smaller maps are searched
 * linearly, comparing hash codes first. A table slot is the key's hash code mixed with a random
 * seed per table, so a peer cannot choose distinct hash codes that pile up in one run of slots;
 * keys with equal hash codes are bounded by {@link #MAX_KEYS_PER_HASH} while decoding. Removing an
 * entry leaves a tombstone in table mode, dropped on the next growth.
 *
 * <p>Not thread-safe; iterators are fail-fast like {@code LinkedHashMap}'s. Not {@code
 * Serializable} or {@code Cloneable}.
 */
final class MsgpackMap extends AbstractMap<Object, Object> {
  /**
   * Most distinct keys of one decoded map that may share a hash code. Java maps search linearly
   * among same-hash keys of different types (Long and Double, say), so a peer sending 100,000 of
   * them would cost minutes of CPU; Locust's maps never have two.
   */
  static final int MAX_KEYS_PER_HASH = 16;

  /** Largest map searched without a table; at most {@link #MAX_KEYS_PER_HASH} keys. */
  static final int LINEAR_MAX = 16;

  private static final Object[] NO_SLOTS = {};
  private static final int[] NO_HASHES = {};
  private static final Object REMOVED = new Object();

  /** Key of entry i at 2i, its value at 2i+1, in insertion order; removed keys are REMOVED. */
  private Object[] slots;

  private int[] hashes;

  /**
   * Entry number + 1 per slot, 0 when free: 16 bits a slot while entry numbers fit, else {@link
   * #wideTable}; both null while the map is searched linearly.
   */
  private char[] table;

  private int[] wideTable;
  private int tableMask = -1;
  private int tableShift;

  private int seed;
  private int used;
  private int size;
  private int modCount;

  /** Creates an empty map with room for {@code capacity} entries. */
  MsgpackMap(int capacity) {
    slots = capacity == 0 ? NO_SLOTS : new Object[capacity * 2];
    hashes = capacity == 0 ? NO_HASHES : new int[capacity];
    if (capacity > LINEAR_MAX) {
      buildTable(capacity);
    }
  }

  /**
   * Puts an entry read from the wire, unless its key would be the {@link #MAX_KEYS_PER_HASH}+1th
   * distinct key with the same hash code.
   *
   * @return false, without changing the map, for such a key
   */
  boolean putDecoded(Object key, Object value) {
    int hash = hashOf(key);
    if (tableMask < 0) {
      int i = linearFind(key, hash);
      if (i >= 0) {
        slots[2 * i + 1] = value;
      } else {
        append(key, hash, value);
      }
      return true;
    }
    int sameHash = 0;
    int at = slotOf(hash);
    for (int e; (e = entryAt(at)) != 0; at = (at + 1) & tableMask) {
      if (hashes[e - 1] == hash) {
        if (equal(slots[2 * e - 2], key)) {
          slots[2 * e - 1] = value;
          return true;
        }
        sameHash++;
      }
    }
    if (sameHash >= MAX_KEYS_PER_HASH) {
      return false;
    }
    if (used < hashes.length) {
      // The common case: room left, and the free slot that ended the probe is the key's.
      int i = used++;
      slots[2 * i] = key;
      slots[2 * i + 1] = value;
      hashes[i] = hash;
      setEntry(at, i + 1);
      size++;
      modCount++;
    } else {
      append(key, hash, value);
    }
    return true;
  }

  /**
   * {@link Objects#hashCode}, with the types a decoder produces tested first so that the common
   * keys need no virtual call.
   */
  private static int hashOf(Object key) {
    if (key instanceof String s) {
      return s.hashCode();
    } else if (key instanceof Long l) {
      return Long.hashCode(l);
    } else if (key instanceof Double d) {
      return Double.hashCode(d);
    }
    return Objects.hashCode(key);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int i = find(key);
    return i >= 0 ? slots[2 * i + 1] : null;
  }

  @Override
  public Object put(Object key, Object value) {
    int hash = hashOf(key);
    int i = tableMask < 0 ? linearFind(key, hash) : tableFind(key, hash);
    if (i >= 0) {
      Object old = slots[2 * i + 1];
      slots[2 * i + 1] = value;
      return old;
    }
    append(key, hash, value);
    return null;
  }

  @Override
  public Object remove(Object key) {
    int i = find(key);
    if (i < 0) {
      return null;
    }
    Object old = slots[2 * i + 1];
    removeAt(i);
    return old;
  }

  @Override
  public void clear() {
    slots = NO_SLOTS;
    hashes = NO_HASHES;
    table = null;
    wideTable = null;
    tableMask = -1;
    used = 0;
    size = 0;
    modCount++;
  }

  @Override
  public void forEach(BiConsumer<? super Object, ? super Object> action) {
    int expected = modCount;
    for (int i = 0; i < used; i++) {
      Object key = slots[2 * i];
      if (key != REMOVED) {
        action.accept(key, slots[2 * i + 1]);
      }
      if (modCount != expected) {
        throw new ConcurrentModificationException();
      }
    }
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return new EntrySet();
  }

  private int find(Object key) {
    int hash = hashOf(key);
    return tableMask < 0 ? linearFind(key, hash) : tableFind(key, hash);
  }

  private int linearFind(Object key, int hash) {
    for (int i = 0; i < used; i++) {
      if (hashes[i] == hash && equal(slots[2 * i], key)) {
        return i;
      }
    }
    return -1;
  }

  private int tableFind(Object key, int hash) {
    for (int at = slotOf(hash), e; (e = entryAt(at)) != 0; at = (at + 1) & tableMask) {
      int i = e - 1;
      if (hashes[i] == hash && equal(slots[2 * i], key)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean equal(Object stored, Object key) {
    // REMOVED equals nothing: it is private, and Object.equals is identity.
    return stored == key || (key != null && key.equals(stored));
  }

  private int slotOf(int hash) {
    // Fibonacci hashing of the seeded hash code: the top bits of the product by 2^32 / phi spread
    // runs of small hash codes (Long keys 1, 2, 3...) and codes differing only in their high bits
    // (Double keys) over the whole table.
    return ((hash ^ seed) * 0x9e37_79b9) >>> tableShift;
  }

  private int entryAt(int at) {
    return wideTable == null ? table[at] : wideTable[at];
  }

  private void setEntry(int at, int entry) {
    if (wideTable == null) {
      table[at] = (char) entry;
    } else {
      wideTable[at] = entry;
    }
  }

  private void append(Object key, int hash, Object value) {
    if (used == hashes.length) {
      grow();
    }
    int i = used++;
    slots[2 * i] = key;
    slots[2 * i + 1] = value;
    hashes[i] = hash;
    size++;
    modCount++;
    if (tableMask >= 0) {
      index(i);
    } else if (used > LINEAR_MAX) {
      buildTable(hashes.length);
    }
  }

  private void grow() {
    int live = size;
    int capacity = live < used / 2 ? Math.max(live * 2, 4) : Math.max(used * 2, 4);
    Object[] newSlots = new Object[capacity * 2];
    int[] newHashes = new int[capacity];
    int n = 0;
    for (int i = 0; i < used; i++) {
      if (slots[2 * i] != REMOVED) {
        newSlots[2 * n] = slots[2 * i];
        newSlots[2 * n + 1] = slots[2 * i + 1];
        newHashes[n++] = hashes[i];
      }
    }
    slots = newSlots;
    hashes = newHashes;
    used = n;
    if (tableMask >= 0) {
      buildTable(capacity);
    }
  }

  private void buildTable(int capacity) {
    // At most 2/3 of the slots are ever taken, so probe runs stay short.
    int length = Integer.highestOneBit(Math.max(capacity + capacity / 2, 4) - 1) << 1;
    // At most 2/3 of the slots are taken, so entry numbers fit 16 bits in any smaller table.
    table = length < (1 << 16) ? new char[length] : null;
    wideTable = table == null ? new int[length] : null;
    tableMask = length - 1;
    tableShift = Integer.numberOfLeadingZeros(length) + 1;
    seed = ThreadLocalRandom.current().nextInt();
    for (int i = 0; i < used; i++) {
      index(i);
    }
  }

  private void index(int i) {
    int at = slotOf(hashes[i]);
    while (entryAt(at) != 0) {
      at = (at + 1) & tableMask;
    }
    setEntry(at, i + 1);
  }

  /** Removes entry i; returns true if later entries moved down one place. */
  private boolean removeAt(int i) {
    size--;
    modCount++;
    if (tableMask >= 0) {
      slots[2 * i] = REMOVED;
      slots[2 * i + 1] = null;
      return false;
    }
    int moved = used - 1 - i;
    System.arraycopy(slots, 2 * i + 2, slots, 2 * i, moved * 2);
    System.arraycopy(hashes, i + 1, hashes, i, moved);
    used--;
    slots[2 * used] = null;
    slots[2 * used + 1] = null;
    return moved > 0;
  }

  private final class EntrySet extends AbstractSet<Entry<Object, Object>> {
    @Override
    public int size() {
      return size;
    }

    @Override
    public void clear() {
      MsgpackMap.this.clear();
    }

    @Override
    public Iterator<Entry<Object, Object>> iterator() {
      return new EntryIterator();
    }
  }

  private final class EntryIterator implements Iterator<Entry<Object, Object>> {
    private int next;
    private int last = -1;
    private int expected = modCount;

    @Override
    public boolean hasNext() {
      while (next < used && slots[2 * next] == REMOVED) {
        next++;
      }
      return next < used;
    }

    @Override
    public Entry<Object, Object> next() {
      if (modCount != expected) {
        throw new ConcurrentModificationException();
      }
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      last = next++;
      return new SlotEntry(last);
    }

    @Override
    public void remove() {
      if (last < 0) {
        throw new IllegalStateException();
      }
      if (modCount != expected) {
        throw new ConcurrentModificationException();
      }
      if (removeAt(last)) {
        next = last;
      }
      last = -1;
      expected = modCount;
    }
  }

  /**
   * A view of one entry that reads and writes through while the entry is in the map (found again by
   * key if earlier removals moved it); once removed, it keeps the last value it saw.
   */
  private final class SlotEntry implements Entry<Object, Object> {
    private final Object key;
    private Object value;
    private int i;

    SlotEntry(int i) {
      this.i = i;
      this.key = slots[2 * i];
      this.value = slots[2 * i + 1];
    }

    private boolean locate() {
      if (i < 0 || i >= used || slots[2 * i] != key) {
        i = find(key);
      }
      return i >= 0;
    }

    @Override
    public Object getKey() {
      return key;
    }

    @Override
    public Object getValue() {
      if (locate()) {
        value = slots[2 * i + 1];
      }
      return value;
    }

    @Override
    public Object setValue(Object newValue) {
      Object old = getValue();
      value = newValue;
      if (locate()) {
        slots[2 * i + 1] = newValue;
      }
      return old;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry<?, ?> e
          && Objects.equals(key, e.getKey())
          && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(key) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return key + "=" + getValue();
    }
  }
}
