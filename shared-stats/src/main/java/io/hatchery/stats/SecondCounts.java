package io.hatchery.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests and failures per epoch second for one report interval ({@code num_reqs_per_sec}, {@code
 * num_fail_per_sec}). A ring of {@link #SLOTS} slots, each tagged with the second it counts, keeps
 * recording allocation-free while an interval spans at most 16 distinct seconds (a 3 s report spans
 * 3 or 4); a second whose slot is taken by another second goes to a map (boxing, rare).
 *
 * <p>Thread-safety: the {@code add} methods may run concurrently; {@link #drainInto} requires that
 * no writer is active (guaranteed by the owning {@link RecordingEntry}'s phaser).
 */
final class SecondCounts {

  static final int SLOTS = 16;
  private static final long FREE = Long.MIN_VALUE;

  private final AtomicLongArray tags = new AtomicLongArray(SLOTS);
  private final LongAdder[] requests = new LongAdder[SLOTS];
  private final LongAdder[] failures = new LongAdder[SLOTS];
  private final Map<Long, LongAdder> overflowRequests = new ConcurrentHashMap<>();
  private final Map<Long, LongAdder> overflowFailures = new ConcurrentHashMap<>();

  SecondCounts() {
    for (int i = 0; i < SLOTS; i++) {
      tags.set(i, FREE);
      requests[i] = new LongAdder();
      failures[i] = new LongAdder();
    }
  }

  void addRequest(long epochSecond) {
    int slot = slotOf(epochSecond);
    if (slot >= 0) {
      requests[slot].increment();
    } else {
      overflowRequests.computeIfAbsent(epochSecond, s -> new LongAdder()).increment();
    }
  }

  void addFailure(long epochSecond) {
    int slot = slotOf(epochSecond);
    if (slot >= 0) {
      failures[slot].increment();
    } else {
      overflowFailures.computeIfAbsent(epochSecond, s -> new LongAdder()).increment();
    }
  }

  /** Moves every non-zero count into the maps and frees all slots. */
  void drainInto(LongCounts requestsPerSecond, LongCounts failuresPerSecond) {
    for (int i = 0; i < SLOTS; i++) {
      long second = tags.get(i);
      if (second != FREE) {
        long r = requests[i].sumThenReset();
        long f = failures[i].sumThenReset();
        if (r != 0) {
          requestsPerSecond.add(second, r);
        }
        if (f != 0) {
          failuresPerSecond.add(second, f);
        }
        tags.set(i, FREE);
      }
    }
    overflowRequests.forEach((second, n) -> requestsPerSecond.add(second, n.sum()));
    overflowFailures.forEach((second, n) -> failuresPerSecond.add(second, n.sum()));
    overflowRequests.clear();
    overflowFailures.clear();
  }

  /** Returns the slot counting {@code epochSecond}, claiming a free one; -1 if it is taken. */
  private int slotOf(long epochSecond) {
    int slot = (int) (epochSecond & (SLOTS - 1));
    long tag = tags.get(slot);
    if (tag == epochSecond) {
      return slot;
    }
    if (tag == FREE
        && (tags.compareAndSet(slot, FREE, epochSecond) || tags.get(slot) == epochSecond)) {
      return slot;
    }
    return -1;
  }
}
