package io.hatchery;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The run a scenario takes part in (Locust's {@code Environment}): the events, the runner, the
 * parsed command line options, the host given with {@code --host} and the stop timeout.
 *
 * <pre>{@code
 * Environment env = Environment.builder().host("http://localhost:8080")
 *     .parsedOptions(Map.of("users", 10)).stopTimeout(Duration.ofSeconds(5)).build();
 * }</pre>
 *
 * <p>Thread-safety: safe for use from any thread. Immutable apart from the runner, attached once by
 * the engine when the worker runtime binds, and the host, which a master's {@code spawn} may set.
 */
public final class Environment {

  private final Events events = new Events();
  private volatile String host;
  private final Map<String, Object> parsedOptions;
  private final Duration stopTimeout;
  private volatile Runner runner;

  private Environment(Builder builder) {
    this.host = builder.host;
    this.parsedOptions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.parsedOptions));
    this.stopTimeout = builder.stopTimeout;
  }

  /** Starts an environment without host, options or stop timeout. */
  public static Builder builder() {
    return new Builder();
  }

  /** The events of this run. */
  public Events events() {
    return events;
  }

  /**
   * The host from {@code --host}, or null; it overrides each user class's own default (see {@link
   * User#host()}).
   */
  public String host() {
    return host;
  }

  /**
   * Sets the host, as a Locust worker does when the master's {@code spawn} names one; null or empty
   * clears it. Users started afterwards see it.
   */
  public void setHost(String host) {
    this.host = host == null || host.isEmpty() ? null : host;
  }

  /**
   * The parsed command line options by Locust's destination names ({@code users}, {@code
   * spawn_rate}, {@code host}, custom options), unmodifiable, in the order given; values may be
   * null (Locust's {@code parsed_options}).
   */
  public Map<String, Object> parsedOptions() {
    return parsedOptions;
  }

  /** How long a stopping user may finish its task (Locust's {@code stop_timeout}); zero = none. */
  public Duration stopTimeout() {
    return stopTimeout;
  }

  /**
   * The runner that executes this scenario (Locust's {@code environment.runner}).
   *
   * @throws IllegalStateException before the engine is bound to a runner
   */
  public Runner runner() {
    Runner bound = runner;
    if (bound == null) {
      throw new IllegalStateException("no runner is attached yet");
    }
    return bound;
  }

  /** Where this code runs: master, worker or local (standalone); LOCAL before a runner is bound. */
  public Runner.Role role() {
    Runner bound = runner;
    return bound == null ? Runner.Role.LOCAL : bound.role();
  }

  /**
   * Attaches the runner; called once by the engine.
   *
   * @throws IllegalStateException if a runner is already attached
   */
  public synchronized void attachRunner(Runner runner) {
    if (this.runner != null) {
      throw new IllegalStateException("a runner is already attached");
    }
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /** Builds an {@link Environment}; not thread-safe. */
  public static final class Builder {
    private String host;
    private Map<String, Object> parsedOptions = Map.of();
    private Duration stopTimeout = Duration.ZERO;

    private Builder() {}

    /** The host from {@code --host}; null or empty for none. */
    public Builder host(String host) {
      this.host = host == null || host.isEmpty() ? null : host;
      return this;
    }

    /** The parsed options (copied; null values allowed, as Python's {@code None}). */
    public Builder parsedOptions(Map<String, Object> parsedOptions) {
      this.parsedOptions = Objects.requireNonNull(parsedOptions, "parsedOptions");
      return this;
    }

    /** The stop timeout, &ge; 0. */
    public Builder stopTimeout(Duration stopTimeout) {
      if (stopTimeout.isNegative()) {
        throw new IllegalArgumentException("negative stop timeout: " + stopTimeout);
      }
      this.stopTimeout = stopTimeout;
      return this;
    }

    /** Returns the environment. */
    public Environment build() {
      return new Environment(this);
    }
  }
}
