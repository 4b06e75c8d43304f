package io.hatchery.worker.engine;

import io.hatchery.CustomMessageListener;
import io.hatchery.Runner;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Runner} scenarios see: the worker runtime's runner, with custom message listeners also
 * kept here so that {@link ScenarioEngine#fireCustomMessage} can deliver to them. Thread-safe.
 */
final class ScenarioRunner implements Runner {

  private final Runner runtime;
  private final Map<String, CustomMessageListener> listeners = new ConcurrentHashMap<>();

  ScenarioRunner(Runner runtime) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  @Override
  public Role role() {
    return runtime.role();
  }

  @Override
  public void quit() {
    runtime.quit();
  }

  @Override
  public void sendMessage(String type, Object data) {
    runtime.sendMessage(type, data);
  }

  @Override
  public void registerMessage(String type, CustomMessageListener listener) {
    runtime.registerMessage(type, listener);
    listeners.put(type, listener);
  }

  @Override
  public int userCount() {
    return runtime.userCount();
  }

  @Override
  public int workerIndex() {
    return runtime.workerIndex();
  }

  /** The listener registered for {@code type}, or null. */
  CustomMessageListener listener(String type) {
    return listeners.get(type);
  }
}
