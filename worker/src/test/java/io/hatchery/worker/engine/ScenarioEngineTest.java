package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.Environment;
import io.hatchery.Runner;
import io.hatchery.Task;
import io.hatchery.User;
import io.hatchery.UserClass;
import io.hatchery.WaitTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ScenarioEngineTest {

  static final AtomicReference<String> seenHost = new AtomicReference<>();

  @UserClass(host = "http://default.invalid")
  static class HostReader extends User {
    @Override
    public WaitTime waitTime() {
      return WaitTime.constant(3600);
    }

    @Override
    public void onStart() {
      seenHost.set(host() + " " + environment().role());
    }

    @Task
    void idle() {}
  }

  @Test
  void bridgeEventsReachTheEnvironmentListeners() {
    Engines.Bound bound = Engines.bound(HostReader.class);
    ScenarioEngine engine = bound.engine();
    List<String> fired = new CopyOnWriteArrayList<>();
    var events = engine.environment().events();
    events.init().add(env -> fired.add("init"));
    events.testStart().add(env -> fired.add("test_start"));
    events.spawningComplete().add(count -> fired.add("spawning_complete " + count));
    events.reportToMaster().add(data -> data.put("custom", 7L));
    events.testStop().add(env -> fired.add("test_stop"));
    events.quitting().add(env -> fired.add("quitting"));

    engine.fireInit();
    engine.fireTestStart();
    engine.fireSpawningComplete(3);
    Map<String, Object> report = new HashMap<>(Map.of("user_count", 3L));
    engine.fireReportToMaster(report);
    engine.fireTestStop();
    engine.fireQuitting();

    assertThat(fired)
        .containsExactly("init", "test_start", "spawning_complete 3", "test_stop", "quitting");
    assertThat(report).containsEntry("custom", 7L).containsEntry("user_count", 3L);
  }

  @Test
  void aFailingListenerDoesNotStopTheNextOne() {
    Engines.Bound bound = Engines.bound();
    List<String> fired = new CopyOnWriteArrayList<>();
    var testStart = bound.engine().environment().events().testStart();
    testStart.add(
        env -> {
          throw new IllegalStateException("listener bug");
        });
    testStart.add(env -> fired.add("second"));
    bound.engine().fireTestStart();
    assertThat(fired).containsExactly("second");
  }

  @Test
  void customMessagesReachTheListenerRegisteredThroughTheEnvironmentsRunner() {
    Engines.Bound bound = Engines.bound();
    List<Object> received = new CopyOnWriteArrayList<>();
    Runner runner = bound.engine().environment().runner();
    runner.registerMessage("greet", (type, data, nodeId) -> received.add(data + "@" + nodeId));

    bound.engine().fireCustomMessage("greet", "hello", "master");
    bound.engine().fireCustomMessage("unknown", "ignored", "master");
    runner.sendMessage("answer", 42L);

    assertThat(received).containsExactly("hello@master");
    assertThat(bound.runner().registered).containsKey("greet");
    assertThat(bound.runner().sent).containsExactly(List.of("answer", 42L));
    assertThat(runner.role()).isEqualTo(Runner.Role.WORKER);
  }

  @Test
  void usersSeeTheSpawnHostOverTheClassDefault() {
    Engines.Bound bound = Engines.bound(HostReader.class);
    bound.start(HostReader.class, 1);
    Engines.await("the user to start", () -> seenHost.get() != null);
    assertThat(seenHost.get()).isEqualTo("http://default.invalid WORKER");
    bound.stopAll();

    seenHost.set(null);
    bound.engine().setHost("http://spawn.invalid");
    bound.engine().setHost("");
    bound.start(HostReader.class, 1);
    Engines.await("the user to start", () -> seenHost.get() != null);
    assertThat(seenHost.get()).isEqualTo("http://spawn.invalid WORKER");
    bound.stopAll();
  }

  @Test
  void usersAndTaskSetsCannotBeCreatedOutsideTheEngine() {
    assertThatThrownBy(HostReader::new)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("created by the engine");
  }

  @Test
  void theRunnerIsAttachedOnce() {
    Engines.Bound bound = Engines.bound();
    Environment environment = bound.engine().environment();
    assertThatThrownBy(() -> environment.attachRunner(new RecordingRunner()))
        .isInstanceOf(IllegalStateException.class);
  }
}
