package io.hatchery.worker.engine;

import io.hatchery.CustomMessageListener;
import io.hatchery.Environment;
import io.hatchery.Runner;
import io.hatchery.http.ConnectionPool;
import io.hatchery.stats.StatsRecorder;
import io.hatchery.worker.runtime.ScenarioBridge;
import io.hatchery.worker.runtime.UserErrorListener;
import io.hatchery.worker.runtime.UserPool;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The user engine behind a worker runtime: the environment, its events, the users and the request
 * statistics (the engine half of Locust's {@code Runner}). Creating it installs the listener that
 * records every request event into {@link #stats()}.
 *
 * <pre>{@code
 * Environment env = Environment.builder().host(host).stopTimeout(stopTimeout).build();
 * ScenarioEngine engine = ScenarioEngine.create(env, UserClasses.of(classes).filterByTags(tags, excluded));
 * engine.fireInit();
 * // the worker runtime then calls engine.bind(runner, errors) and drives engine.users()
 * }</pre>
 *
 * <p>Thread-safety: the {@link ScenarioBridge} methods are called by the runtime's control thread;
 * {@link #stats()} and {@link #environment()} may be used from any thread.
 */
public final class ScenarioEngine implements ScenarioBridge {

  private static final System.Logger LOG = System.getLogger(ScenarioEngine.class.getName());

  private final Environment environment;
  private final StatsRecorder stats;
  private final UserGroup users;
  private final Supplier<ConnectionPool> poolFactory;
  private volatile ConnectionPool connectionPool;
  private volatile ScenarioRunner runner;

  /**
   * Creates an engine.
   *
   * @param clock the clock of wait times and statistics
   * @param seed seeds the users' random generators (task choice, {@code between})
   */
  public ScenarioEngine(
      Environment environment,
      UserClasses classes,
      StatsRecorder stats,
      InstantSource clock,
      long seed) {
    this(environment, classes, stats, clock, seed, ConnectionPool::create);
  }

  /**
   * Creates an engine whose {@link io.hatchery.HttpUser}s share the pool {@code poolFactory} builds
   * when the first one starts (the CLI passes its connection options this way). The engine closes
   * that pool after the quitting event.
   */
  public ScenarioEngine(
      Environment environment,
      UserClasses classes,
      StatsRecorder stats,
      InstantSource clock,
      long seed,
      Supplier<ConnectionPool> poolFactory) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.poolFactory = Objects.requireNonNull(poolFactory, "poolFactory");
    this.users = new UserGroup(environment, classes, clock, seed, this::connectionPool);
    environment.events().request().add(new RequestStatsListener(stats));
  }

  /** An engine on the system clock with a random seed and fresh statistics. */
  public static ScenarioEngine create(Environment environment, UserClasses classes) {
    InstantSource clock = InstantSource.system();
    return new ScenarioEngine(
        environment, classes, new StatsRecorder(clock), clock, System.nanoTime());
  }

  /** The environment scenarios see. */
  public Environment environment() {
    return environment;
  }

  @Override
  public void bind(Runner runner, UserErrorListener userErrors) {
    ScenarioRunner wrapped = new ScenarioRunner(runner);
    environment.attachRunner(wrapped);
    this.runner = wrapped;
    Objects.requireNonNull(userErrors, "userErrors");
    environment.events().userError().add(event -> userErrors.onUserError(event.exception()));
  }

  @Override
  public UserPool users() {
    return users;
  }

  /** The users, with the engine-side extras of {@link UserGroup}. */
  public UserGroup userGroup() {
    return users;
  }

  @Override
  public StatsRecorder stats() {
    return stats;
  }

  /**
   * Sets the host a master's {@code spawn} names (Locust's worker sets {@code environment.host});
   * null or empty leaves the current host, as Locust's {@code if msg.data["host"]} does.
   */
  @Override
  public void setHost(String host) {
    if (host != null && !host.isEmpty()) {
      environment.setHost(host);
    }
  }

  /** Fires the init event (Locust's {@code init}); the CLI calls it once after loading. */
  public void fireInit() {
    environment.events().init().fire(environment);
  }

  @Override
  public void fireTestStart() {
    environment.events().testStart().fire(environment);
  }

  @Override
  public void fireTestStop() {
    environment.events().testStop().fire(environment);
  }

  @Override
  public void fireSpawningComplete(int userCount) {
    environment.events().spawningComplete().fire(userCount);
  }

  @Override
  public void fireReportToMaster(Map<String, Object> data) {
    environment.events().reportToMaster().fire(data);
  }

  @Override
  public void fireQuitting() {
    environment.events().quitting().fire(environment);
    ConnectionPool pool = connectionPool;
    if (pool != null) {
      pool.close();
    }
  }

  private ConnectionPool connectionPool() {
    ConnectionPool pool = connectionPool;
    if (pool == null) {
      synchronized (poolFactory) {
        pool = connectionPool;
        if (pool == null) {
          pool = Objects.requireNonNull(poolFactory.get(), "connection pool");
          connectionPool = pool;
        }
      }
    }
    return pool;
  }

  @Override
  public void fireCustomMessage(String type, Object data, String nodeId) {
    ScenarioRunner bound = runner;
    CustomMessageListener listener = bound == null ? null : bound.listener(type);
    if (listener == null) {
      LOG.log(System.Logger.Level.WARNING, "Unknown message type received: " + type);
      return;
    }
    listener.onMessage(type, data, nodeId);
  }
}
