package io.hatchery.master.workers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Node ids that sent something without being registered, remembered with when the master last
 * answered them, in a bounded least-recently-seen table: random ids cannot grow memory.
 *
 * <p>Used to rate-limit the {@code stop} the master sends to an unknown worker's heartbeats and
 * stats (reliability.md §1.4: a stock worker then sends {@code client_stopped} and {@code
 * client_ready}, so it re-registers; Locust 2.12.1 merges such stats instead). Not thread-safe:
 * owned by the master's control thread. Times in epoch milliseconds.
 */
public final class UnknownPeers {
  private final int capacity;
  private final long answerIntervalMillis;
  private final Map<String, Long> lastAnsweredAt;

  /**
   * @param capacity ids remembered at most (the least recently seen are forgotten)
   * @param answerIntervalMillis minimum time between two answers to one id
   */
  public UnknownPeers(int capacity, long answerIntervalMillis) {
    this.capacity = capacity;
    this.answerIntervalMillis = answerIntervalMillis;
    this.lastAnsweredAt =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > UnknownPeers.this.capacity;
          }
        };
  }

  /**
   * Records a message from unknown {@code id} at {@code nowMillis} and returns whether to answer it
   * now (first sight, or the interval has passed since the last answer).
   */
  public boolean shouldAnswer(String id, long nowMillis) {
    Long last = lastAnsweredAt.get(id);
    if (last != null && nowMillis - last < answerIntervalMillis) {
      return false;
    }
    lastAnsweredAt.put(id, nowMillis);
    return true;
  }

  /** Forgets {@code id} (it registered). */
  public void forget(String id) {
    lastAnsweredAt.remove(id);
  }

  /** Number of ids remembered, at most the capacity. */
  public int size() {
    return lastAnsweredAt.size();
  }
}
