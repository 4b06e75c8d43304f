package io.hatchery.bench.worker;

import io.hatchery.CustomMessageListener;
import io.hatchery.Runner;
import io.hatchery.worker.runtime.UserPool;

/**
 * The runner a benchmark engine is bound to: local, no master, so messages go nowhere. Thread-safe.
 */
final class StandaloneRunner implements Runner {

  private final UserPool users;

  StandaloneRunner(UserPool users) {
    this.users = users;
  }

  @Override
  public Role role() {
    return Role.LOCAL;
  }

  @Override
  public void quit() {}

  @Override
  public void sendMessage(String type, Object data) {}

  @Override
  public void registerMessage(String type, CustomMessageListener listener) {}

  @Override
  public int userCount() {
    return users.userCount();
  }

  @Override
  public int workerIndex() {
    return -1;
  }
}
