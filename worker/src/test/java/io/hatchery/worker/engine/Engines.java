package io.hatchery.worker.engine;

import io.hatchery.Environment;
import io.hatchery.User;
import io.hatchery.stats.StatsRecorder;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/** Builds bound engines for tests and polls for conditions with a deadline. */
final class Engines {

  static final Duration DEADLINE = Duration.ofSeconds(10);

  /** An engine bound to a {@link RecordingRunner}, with the user errors it reported. */
  record Bound(ScenarioEngine engine, RecordingRunner runner, Queue<Throwable> userErrors) {

    UserGroup users() {
      return engine.userGroup();
    }

    void start(Class<? extends User> type, int count) {
      users().applyTargets(Map.of(type.getSimpleName(), count), Duration.ZERO);
    }

    void stopAll() {
      users().stopAll(Duration.ZERO);
    }
  }

  private Engines() {}

  @SafeVarargs
  static Bound bound(Class<? extends User>... types) {
    return bound(Environment.builder().build(), types);
  }

  @SafeVarargs
  static Bound bound(Environment environment, Class<? extends User>... types) {
    InstantSource clock = InstantSource.system();
    ScenarioEngine engine =
        new ScenarioEngine(
            environment, UserClasses.of(List.of(types)), new StatsRecorder(clock), clock, 42);
    RecordingRunner runner = new RecordingRunner();
    Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    engine.bind(runner, errors::add);
    return new Bound(engine, runner, errors);
  }

  /** Polls {@code condition} every millisecond until it holds; fails after {@link #DEADLINE}. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what);
      }
    }
  }
}
