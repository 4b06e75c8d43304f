package io.hatchery.worker.engine;

import io.hatchery.CustomMessageListener;
import io.hatchery.Runner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Runner} that records what scenarios ask of it. Thread-safe. */
final class RecordingRunner implements Runner {

  final List<Object> sent = new CopyOnWriteArrayList<>();
  final Map<String, CustomMessageListener> registered = new ConcurrentHashMap<>();
  volatile boolean quitCalled;

  @Override
  public Role role() {
    return Role.WORKER;
  }

  @Override
  public void quit() {
    quitCalled = true;
  }

  @Override
  public void sendMessage(String type, Object data) {
    sent.add(List.of(type, data));
  }

  @Override
  public void registerMessage(String type, CustomMessageListener listener) {
    registered.put(type, listener);
  }

  @Override
  public int userCount() {
    return 0;
  }

  @Override
  public int workerIndex() {
    return 0;
  }
}
