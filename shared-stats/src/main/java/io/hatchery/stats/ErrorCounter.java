package io.hatchery.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * Occurrences of one error text of one entry within one report interval, with its precomputed
 * {@link ErrorKeys#key}. Thread-safety: {@link #occurrences} is a {@link LongAdder}.
 */
final class ErrorCounter {

  final String key;
  final LongAdder occurrences = new LongAdder();

  ErrorCounter(String key) {
    this.key = key;
  }
}
