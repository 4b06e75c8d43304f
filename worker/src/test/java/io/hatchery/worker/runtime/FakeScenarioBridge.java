package io.hatchery.worker.runtime;

import io.hatchery.Runner;
import io.hatchery.stats.StatsRecorder;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scenario engine stand-in: a {@link FakeUserPool} with classes {@code MyUser} and {@code
 * OtherUser}, a real {@link StatsRecorder} on the test's clock, and a log of the events fired.
 */
final class FakeScenarioBridge implements ScenarioBridge {
  final FakeUserPool users = new FakeUserPool(Set.of("MyUser", "OtherUser"));
  final StatsRecorder stats;
  final List<String> events = new CopyOnWriteArrayList<>();
  Runner runner;
  UserErrorListener userErrors;
  String host;
  volatile boolean failingListeners;

  FakeScenarioBridge(InstantSource clock) {
    this.stats = new StatsRecorder(clock);
  }

  @Override
  public void bind(Runner runner, UserErrorListener userErrors) {
    this.runner = runner;
    this.userErrors = userErrors;
  }

  @Override
  public UserPool users() {
    return users;
  }

  @Override
  public StatsRecorder stats() {
    return stats;
  }

  @Override
  public void setHost(String host) {
    this.host = host;
  }

  @Override
  public void fireTestStart() {
    events.add("test_start");
    failIfAsked();
  }

  @Override
  public void fireTestStop() {
    events.add("test_stop");
    failIfAsked();
  }

  @Override
  public void fireSpawningComplete(int userCount) {
    events.add("spawning_complete " + userCount);
  }

  @Override
  public void fireReportToMaster(Map<String, Object> data) {
    data.put("custom_report_key", "added by a listener");
    failIfAsked();
  }

  @Override
  public void fireQuitting() {
    events.add("quitting");
  }

  private void failIfAsked() {
    if (failingListeners) {
      throw new IllegalStateException("listener bug");
    }
  }

  @Override
  public void fireCustomMessage(String type, Object data, String nodeId) {
    events.add("custom " + type);
  }
}
