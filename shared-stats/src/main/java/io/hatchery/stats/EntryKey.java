package io.hatchery.stats;

import java.util.Objects;

/**
 * The identity of a stats entry: Locust's {@code (name, method)} tuple.
 *
 * @param name request name
 * @param method request type; {@code null} is a distinct method, as Python's {@code None} is
 */
public record EntryKey(String name, String method) {

  /** Checks the name. */
  public EntryKey {
    Objects.requireNonNull(name, "name");
  }
}
