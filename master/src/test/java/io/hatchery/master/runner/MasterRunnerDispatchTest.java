package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.WorkerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MasterRunnerDispatchTest {
  private final RunnerHarness h = new RunnerHarness();
  private final List<String> events = new ArrayList<>();

  MasterRunnerDispatchTest() {
    h.runner.addListener(
        new MasterListener() {
          @Override
          public void testStarted() {
            events.add("test_start");
          }

          @Override
          public void spawningComplete(long userCount) {
            events.add("spawning_complete " + userCount);
          }

          @Override
          public void testStopped() {
            events.add("test_stop");
          }
        });
  }

  @Test
  void startRampsAtTheSpawnRateWithAbsoluteTargets() {
    h.ready("vm_a", "");
    h.ready("vm_b", "");

    h.runner.start(SwarmRequest.of(4, 2.0));

    assertThat(h.runner.state()).isEqualTo(RunState.SPAWNING);
    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 1L));
    assertThat(h.lastSpawnCounts("vm_b")).isEqualTo(Map.of("MyUser", 1L));
    h.advance(Duration.ofMillis(900));
    assertThat(h.sent("vm_a", MessageType.SPAWN)).hasSize(1);
    h.advance(Duration.ofMillis(100));
    assertThat(h.sent("vm_a", MessageType.SPAWN)).hasSize(2);
    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 2L));
    assertThat(h.lastSpawnCounts("vm_b")).isEqualTo(Map.of("MyUser", 2L));

    h.completeLastSpawn("vm_a");
    assertThat(h.runner.state()).isEqualTo(RunState.SPAWNING);
    h.completeLastSpawn("vm_b");

    assertThat(h.runner.state()).isEqualTo(RunState.RUNNING);
    assertThat(events).containsExactly("test_start", "spawning_complete 4");
    assertThat(h.runner.publishNow().userCount()).isEqualTo(4);
    assertThat(h.runner.publishNow().targetUserCount()).isEqualTo(4);
  }

  @Test
  void spawningCompletesAfterOneSecondEvenWithoutReports() {
    h.ready("vm_a", "");
    h.runner.start(SwarmRequest.of(1, 1.0));
    h.advance(Duration.ofMillis(900));
    assertThat(h.runner.state()).isEqualTo(RunState.SPAWNING);
    h.advance(Duration.ofMillis(200));
    assertThat(h.runner.state()).isEqualTo(RunState.RUNNING);
    // As in Locust 2.12.1, the event carries the dispatched target, not the (missing) reports.
    assertThat(events).containsExactly("test_start", "spawning_complete 1");
    assertThat(h.runner.publishNow().userCount()).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void spawnCarriesLocustsFiveKeysWithoutSecrets() {
    RunnerHarness secret =
        new RunnerHarness(
            MasterSettings.defaults(List.of(UserClassSpec.weighted("MyUser", 1)))
                .withParsedOptions(
                    Map.of("web_auth", "alice:s3cret", "num_users", 5, "tags", List.of("a")))
                .withStopTimeout(Optional.of(Duration.ofSeconds(3))));
    secret.ready("vm_a", "");
    secret.runner.start(
        new SwarmRequest(1, 1.0, Optional.of("http://target:8080"), Optional.empty(), List.of()));

    Map<String, Object> data = (Map<String, Object>) secret.sent("vm_a", "spawn").get(0).data();
    assertThat(data)
        .containsOnlyKeys(
            "timestamp", "user_classes_count", "host", "stop_timeout", "parsed_options");
    assertThat(List.copyOf(data.keySet()).get(0)).isEqualTo("timestamp");
    assertThat(data.get("timestamp")).isInstanceOf(Double.class);
    assertThat(data.get("host")).isEqualTo("http://target:8080");
    assertThat(data.get("stop_timeout")).isEqualTo(3L);
    assertThat((Map<String, Object>) data.get("parsed_options"))
        .containsEntry("num_users", 5L)
        .containsEntry("tags", List.of("a"))
        .doesNotContainKey("web_auth");
  }

  @Test
  void spawnTimestampsStrictlyIncrease() {
    h.ready("vm_a", "");
    h.runner.start(SwarmRequest.of(3, 100.0));
    h.runner.start(SwarmRequest.of(5, 100.0));
    h.runner.start(SwarmRequest.of(7, 100.0));
    List<Double> stamps =
        h.sent("vm_a", MessageType.SPAWN).stream()
            .map(m -> (Double) ((Map<?, ?>) m.data()).get("timestamp"))
            .toList();
    assertThat(stamps).hasSize(3).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void editWhileRunningDispatchesTheNewTarget() {
    h.ready("vm_a", "");
    h.runner.start(SwarmRequest.of(2, 10.0));
    h.completeLastSpawn("vm_a");
    assertThat(h.runner.state()).isEqualTo(RunState.RUNNING);

    h.runner.start(SwarmRequest.of(1, 10.0));

    assertThat(h.runner.state()).isEqualTo(RunState.SPAWNING);
    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 1L));
    h.completeLastSpawn("vm_a");
    assertThat(h.runner.state()).isEqualTo(RunState.RUNNING);
    assertThat(events).containsExactly("test_start", "spawning_complete 2", "spawning_complete 1");
  }

  @Test
  void stopSendsStopAndTheRunStopsWhenWorkersAreBack() {
    h.ready("vm_a", "");
    h.runner.start(SwarmRequest.of(2, 10.0));
    h.completeLastSpawn("vm_a");

    h.runner.stop();

    assertThat(h.runner.state()).isEqualTo(RunState.STOPPING);
    assertThat(h.sent("vm_a", MessageType.STOP)).hasSize(1);
    h.send("vm_a", MessageType.CLIENT_STOPPED, null);
    assertThat(h.runner.state()).isEqualTo(RunState.STOPPED);
    h.send("vm_a", MessageType.CLIENT_READY, "");
    assertThat(h.runner.publishNow().workers()).hasSize(1);
    assertThat(events).containsExactly("test_start", "spawning_complete 2", "test_stop");

    h.runner.start(SwarmRequest.of(1, 10.0));
    assertThat(h.runner.state()).isEqualTo(RunState.SPAWNING);
    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 1L));
  }

  @Test
  void aStoppedWorkerWaitingToReRegisterIsNotToldToStopAgain() {
    stoppedWhileRunning("vm_a");

    // A Python worker sleeps its stop timeout before client_ready, still heartbeating and
    // reporting the requests that finished while its users stopped.
    h.heartbeat("vm_a", WorkerState.RUNNING);
    h.send("vm_a", MessageType.STATS, StatsData.requests("/a", 4));
    h.send("vm_a", MessageType.CLIENT_READY, "");

    assertThat(h.sent("vm_a", MessageType.STOP)).hasSize(1);
    assertThat(h.runner.publishNow().stats().total().numRequests()).isEqualTo(4);
    assertThat(h.runner.publishNow().workers()).hasSize(1);
  }

  @Test
  void aStoppedWorkersLastReportCountsHoweverTheTransportDecodedIt() {
    stoppedWhileRunning("vm_a");

    h.send("vm_a", MessageType.STATS, StatsData.requests("/a", 4)); // typed, as over TCP
    h.sendGeneric("vm_a", MessageType.STATS, StatsData.requests("/a", 5)); // as over inproc

    assertThat(h.runner.publishNow().stats().total().numRequests()).isEqualTo(9);
  }

  /** Registers {@code nodeId}, runs two users on it, stops, and has it answer client_stopped. */
  private void stoppedWhileRunning(String nodeId) {
    h.ready(nodeId, "");
    h.runner.start(SwarmRequest.of(2, 10.0));
    h.completeLastSpawn(nodeId);
    h.runner.stop();
    h.send(nodeId, MessageType.CLIENT_STOPPED, null);
  }

  @Test
  void startWithoutWorkersIsIgnored() {
    h.runner.start(SwarmRequest.of(2, 1.0));
    assertThat(h.runner.state()).isEqualTo(RunState.READY);
    assertThat(events).isEmpty();
  }

  @Test
  void usersGoToTheSelectedClassesOnly() {
    RunnerHarness two =
        new RunnerHarness(
            MasterSettings.defaults(
                List.of(UserClassSpec.weighted("A", 1), UserClassSpec.weighted("B", 1))));
    two.ready("vm_a", "");
    two.runner.start(new SwarmRequest(4, 10.0, Optional.empty(), Optional.empty(), List.of("B")));
    assertThat(two.lastSpawnCounts("vm_a")).isEqualTo(Map.of("B", 4L));
  }

  @Test
  void noKnownClassMeansOneDefaultClass() {
    RunnerHarness none = new RunnerHarness(MasterSettings.defaults(List.of()));
    none.ready("vm_a", -1L);
    none.runner.start(SwarmRequest.of(3, 10.0));
    assertThat(none.lastSpawnCounts("vm_a"))
        .isEqualTo(Map.of(MasterSettings.DEFAULT_USER_CLASS, 3L));
  }

  @Test
  void runTimeEndQuitsTheMaster() {
    h.ready("vm_a", "");
    h.runner.start(
        new SwarmRequest(1, 1.0, Optional.empty(), Optional.of(Duration.ofSeconds(3)), List.of()));
    h.advanceWithHeartbeats(Duration.ofSeconds(2), WorkerState.RUNNING, "vm_a");
    assertThat(h.sent("vm_a", MessageType.QUIT)).isEmpty();
    h.advanceWithHeartbeats(Duration.ofSeconds(1), WorkerState.RUNNING, "vm_a");

    assertThat(h.sent("vm_a", MessageType.QUIT))
        .extracting(Message::data)
        .containsExactly((Object) null);
    assertThat(h.runner.isTerminated()).isFalse();
    h.send("vm_a", MessageType.STATS, StatsData.requests("/a", 7));
    h.send("vm_a", MessageType.QUIT, null);
    assertThat(h.runner.isTerminated()).isTrue();
    assertThat(h.runner.latestSnapshot().stats().total().numRequests()).isEqualTo(7);
    assertThat(h.runner.latestSnapshot().state()).isEqualTo(RunState.STOPPED);
  }

  @Test
  void quitGivesUpWaitingForSilentWorkers() {
    h.ready("vm_a", "");
    h.runner.quit();
    h.advanceWithHeartbeats(Duration.ofSeconds(9), WorkerState.READY, "vm_a");
    assertThat(h.runner.isTerminated()).isFalse();
    h.advanceWithHeartbeats(Duration.ofSeconds(2), WorkerState.READY, "vm_a");
    assertThat(h.runner.isTerminated()).isTrue();
  }
}
