package io.hatchery.master.runner;

import io.hatchery.master.dispatch.UserClassSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

  public MasterSettings withParsedOptions(Map<String, Object> options) {
    return new MasterSettings(
        userClasses,
        options,
        host,
        stopTimeout,
        rebalance,
        legacyG0,
        heartbeatInterval,
        snapshotInterval,
        maxWorkers,
        maxUnknownPeers,
        quitRunTime);
  }

  public MasterSettings withHost(Optional<String> newHost) {
    return new MasterSettings(
        userClasses,
        parsedOptions,
        newHost,
        stopTimeout,
        rebalance,
        legacyG0,
        heartbeatInterval,
        snapshotInterval,
        maxWorkers,
        maxUnknownPeers,
        quitRunTime);
  }

  public MasterSettings withStopTimeout(Optional<Duration> timeout) {
    return new MasterSettings(
        userClasses,
        parsedOptions,
        host,
        timeout,
        rebalance,
        legacyG0,
        heartbeatInterval,
        snapshotInterval,
        maxWorkers,
        maxUnknownPeers,
        quitRunTime);
  }

  public MasterSettings withRebalance(boolean enabled) {
    return new MasterSettings(
        userClasses,
        parsedOptions,
        host,
        stopTimeout,
        enabled,
        legacyG0,
        heartbeatInterval,
        snapshotInterval,
        maxWorkers,
        maxUnknownPeers,
        quitRunTime);
  }

  public MasterSettings withLegacyG0(boolean g0) {
    return new MasterSettings(
        userClasses,
        parsedOptions,
        host,
        stopTimeout,
        rebalance,
        g0,
        heartbeatInterval,
        snapshotInterval,
        maxWorkers,
        maxUnknownPeers,
        quitRunTime);
  }

  public MasterSettings withHeartbeatInterval(Duration interval) {
    return new MasterSettings(
        userClasses,
        parsedOptions,
        host,
        stopTimeout,
        rebalance,
        legacyG0,
        interval,
        snapshotInterval,
        maxWorkers,
        maxUnknownPeers,
        quitRunTime);
  }

  public MasterSettings withSnapshotInterval(Duration interval) {
    return new MasterSettings(
        userClasses,
        parsedOptions,
        host,
        stopTimeout,
        rebalance,
        legacyG0,
        heartbeatInterval,
        interval,
        maxWorkers,
        maxUnknownPeers,
        quitRunTime);
  }

  public MasterSettings withLimits(int workers, int unknownPeers) {
    return new MasterSettings(
        userClasses,
        parsedOptions,
        host,
        stopTimeout,
        rebalance,
        legacyG0,
        heartbeatInterval,
        snapshotInterval,
        workers,
        unknownPeers,
        quitRunTime);
  }

  public MasterSettings withQuitRunTime(boolean quit) {
    return new MasterSettings(
        userClasses,
        parsedOptions,
        host,
        stopTimeout,
        rebalance,
        legacyG0,
        heartbeatInterval,
        snapshotInterval,
        maxWorkers,
        maxUnknownPeers,
        quit);
  }
}
