package io.hatchery.cli.options;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The resolved settings of one run: every option's value after config files, environment and
 * command line were merged ({@link ConfigSources}), the positional user class names and the
 * deprecation notes to print. Immutable; what the modes (master, worker, standalone, headless)
 * consume. Locust's counterpart is the {@code parsed_options} namespace.
 *
 * @param explicit the options some source set, with their values (absent = default)
 * @param userClasses user class names given as positional arguments; empty = all
 * @param notes deprecation notes, one line each, in the order they arose
 */
public record Settings(
    Map<LocustOption, Object> explicit, List<String> userClasses, List<String> notes) {

  public Settings {
    EnumMap<LocustOption, Object> copy = new EnumMap<>(LocustOption.class);
    copy.putAll(explicit);
    explicit = Collections.unmodifiableMap(copy);
    userClasses = List.copyOf(userClasses);
    notes = List.copyOf(notes);
  }

  /** The settings of a command line with nothing set: every default. */
  public static Settings defaults() {
    return new Settings(Map.of(), List.of(), List.of());
  }

  /** The value of {@code option}: the one set, else its default (null = none). */
  public Object value(LocustOption option) {
    return explicit.containsKey(option) ? explicit.get(option) : option.defaultValue();
  }

  /** Whether some source set {@code option}. */
  public boolean isSet(LocustOption option) {
    return explicit.containsKey(option);
  }

  public boolean flag(LocustOption option) {
    return Boolean.TRUE.equals(value(option));
  }

  public Optional<String> text(LocustOption option) {
    return Optional.ofNullable((String) value(option));
  }

  public OptionalInt integer(LocustOption option) {
    Object v = value(option);
    return v == null ? OptionalInt.empty() : OptionalInt.of((Integer) v);
  }

  public OptionalDouble decimal(LocustOption option) {
    Object v = value(option);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of((Double) v);
  }

  @SuppressWarnings("unchecked")
  public List<String> list(LocustOption option) {
    Object v = value(option);
    return v == null ? List.of() : (List<String>) v;
  }

  /** {@code --headless}, cancelled by {@code --headful} as in Locust. */
  public boolean headless() {
    return flag(LocustOption.HEADLESS) && !flag(LocustOption.HEADFUL);
  }

  public boolean master() {
    return flag(LocustOption.MASTER_MODE);
  }

  public boolean worker() {
    return flag(LocustOption.WORKER_MODE);
  }

  /** {@code -u}; in a headless or autostarted run Locust falls back to 1. */
  public int usersOrDefault() {
    return integer(LocustOption.USERS).orElse(1);
  }

  /** {@code -r}; in a headless or autostarted run Locust falls back to 1. */
  public double spawnRateOrDefault() {
    return decimal(LocustOption.SPAWN_RATE).orElse(1.0);
  }

  /** {@code -t} parsed by {@link RunTimes}; empty when not set. Call after validation. */
  public Optional<Duration> runTime() {
    return text(LocustOption.RUN_TIME).map(RunTimes::parse);
  }

  public Optional<String> host() {
    return text(LocustOption.HOST).filter(h -> !h.isEmpty());
  }
}
