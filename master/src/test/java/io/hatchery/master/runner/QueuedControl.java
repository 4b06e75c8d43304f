package io.hatchery.master.runner;

import io.hatchery.master.control.MasterControl;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.SwarmRequest;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link MasterControl} over a {@link MasterRunner} on the test thread: commands are queued, as
 * {@link Master} queues them for its control thread, and run by {@link #drain()}.
 */
final class QueuedControl implements MasterControl {
  private final MasterRunner runner;
  private final Deque<Runnable> commands = new ArrayDeque<>();

  QueuedControl(MasterRunner runner) {
    this.runner = runner;
  }

  void drain() {
    for (Runnable command = commands.poll(); command != null; command = commands.poll()) {
      command.run();
    }
  }

  @Override
  public MasterSnapshot snapshot() {
    return runner.latestSnapshot();
  }

  @Override
  public void start(SwarmRequest request) {
    commands.add(() -> runner.start(request));
  }

  @Override
  public void stop() {
    commands.add(runner::stop);
  }

  @Override
  public void resetStats() {
    commands.add(runner::resetStats);
  }

  @Override
  public void quit() {
    commands.add(runner::quit);
  }

  @Override
  public void sendMessage(String type, Object data, String nodeId) {
    commands.add(() -> runner.sendMessage(type, data, nodeId));
  }
}
