package io.hatchery.master.runner;

import io.hatchery.master.dispatch.UserClassSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a master runs: the user classes it dispatches, what it sends in {@code spawn}, and its
 * timing. Immutable; build one with {@link Master#builder()} or {@link #defaults(List)} and the
 * {@code with*} methods.
 *
 * @param userClasses the classes to dispatch; empty means one default class (see {@link
 *     #DEFAULT_USER_CLASS})
 * @param parsedOptions the master's options by argparse name, sent as {@code parsed_options} after
 *     {@link ParsedOptions#sanitize} (secrets removed)
 * @param host the default target base URL, empty for none
 * @param stopTimeout Locust's {@code --stop-timeout}, sent as {@code stop_timeout}; empty for nil
 * @param rebalance re-dispatch at once when a worker goes missing (default); false keeps Locust
 *     2.12.1's behaviour without {@code --enable-rebalancing} (users move only when the missing
 *     worker is removed, about 60 s later). Joins and leaves always rebalance, as in 2.12.1.
 * @param legacyG0 the transport is Locust 0.9's PUSH/PULL pair: every worker speaks G0
 * @param heartbeatInterval the liveness check period (Locust: 1 s)
 * @param snapshotInterval the least time between two published snapshots
 * @param maxWorkers the most distinct node ids ever registered
 * @param maxUnknownPeers the most unregistered node ids remembered for rate limiting
 * @param quitRunTime true: {@code --run-time} expiry quits the master (Locust); false: it stops the
 *     test only
 */
public record MasterSettings(
    List<UserClassSpec> userClasses,
    Map<String, Object> parsedOptions,
    Optional<String> host,
    Optional<Duration> stopTimeout,
    boolean rebalance,
    boolean legacyG0,
    Duration heartbeatInterval,
    Duration snapshotInterval,
    int maxWorkers,
    int maxUnknownPeers,
    boolean quitRunTime) {

  /** The class name users are dispatched under when no class is known. */
  public static final String DEFAULT_USER_CLASS = "DefaultUser";

  public MasterSettings {
    userClasses = List.copyOf(userClasses);
    parsedOptions = ParsedOptions.sanitize(parsedOptions);
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new IllegalArgumentException("heartbeatInterval must be positive");
    }
    if (snapshotInterval.isNegative()) {
      throw new IllegalArgumentException("snapshotInterval must be >= 0");
    }
  }

  /** Locust's defaults: rebalancing on, 1 s heartbeat checks, snapshots at most every 100 ms. */
  public static MasterSettings defaults(List<UserClassSpec> userClasses) {
    return new MasterSettings(
        userClasses,
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        true,
        false,
        Duration.ofSeconds(1),
        Duration.ofMillis(100),
        10_000,
        1_024,
        true);
  }

  /** The classes to dispatch: the given ones, or one weighted default class. */
  public List<UserClassSpec> effectiveUserClasses() {
    return userClasses.isEmpty()
        ? List.of(UserClassSpec.weighted(DEFAULT_USER_CLASS, 1))
        : userClasses;
  }

  public MasterSettings withUserClasses(List<UserClassSpec> classes) {
    return edit(e -> e.userClasses = classes);
  }

  public MasterSettings withParsedOptions(Map<String, ?> options) {
    return edit(e -> e.parsedOptions = options);
  }

  public MasterSettings withHost(Optional<String> newHost) {
    return edit(e -> e.host = newHost);
  }

  public MasterSettings withStopTimeout(Optional<Duration> timeout) {
    return edit(e -> e.stopTimeout = timeout);
  }

  public MasterSettings withRebalance(boolean enabled) {
    return edit(e -> e.rebalance = enabled);
  }

  public MasterSettings withLegacyG0(boolean g0) {
    return edit(e -> e.legacyG0 = g0);
  }

  public MasterSettings withHeartbeatInterval(Duration interval) {
    return edit(e -> e.heartbeatInterval = interval);
  }

  public MasterSettings withSnapshotInterval(Duration interval) {
    return edit(e -> e.snapshotInterval = interval);
  }

  public MasterSettings withLimits(int workers, int unknownPeers) {
    return edit(
        e -> {
          e.maxWorkers = workers;
          e.maxUnknownPeers = unknownPeers;
        });
  }

  public MasterSettings withQuitRunTime(boolean quit) {
    return edit(e -> e.quitRunTime = quit);
  }

  /** A copy with the fields {@code change} sets, validated by the canonical constructor. */
  private MasterSettings edit(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return new MasterSettings(
        f.userClasses,
        new LinkedHashMap<String, Object>(f.parsedOptions),
        f.host,
        f.stopTimeout,
        f.rebalance,
        f.legacyG0,
        f.heartbeatInterval,
        f.snapshotInterval,
        f.maxWorkers,
        f.maxUnknownPeers,
        f.quitRunTime);
  }

  /** The record's fields, mutable while one {@code with*} copy is made. */
  private static final class Fields {
    List<UserClassSpec> userClasses;
    Map<String, ?> parsedOptions;
    Optional<String> host;
    Optional<Duration> stopTimeout;
    boolean rebalance;
    boolean legacyG0;
    Duration heartbeatInterval;
    Duration snapshotInterval;
    int maxWorkers;
    int maxUnknownPeers;
    boolean quitRunTime;

    Fields(MasterSettings s) {
      userClasses = s.userClasses;
      parsedOptions = s.parsedOptions;
      host = s.host;
      stopTimeout = s.stopTimeout;
      rebalance = s.rebalance;
      legacyG0 = s.legacyG0;
      heartbeatInterval = s.heartbeatInterval;
      snapshotInterval = s.snapshotInterval;
      maxWorkers = s.maxWorkers;
      maxUnknownPeers = s.maxUnknownPeers;
      quitRunTime = s.quitRunTime;
    }
  }
}
