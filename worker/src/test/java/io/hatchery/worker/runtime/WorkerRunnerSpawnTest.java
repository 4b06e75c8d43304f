package io.hatchery.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.SpawningCompletePayload;
import io.hatchery.protocol.payload.WorkerState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WorkerRunnerSpawnTest {

  @Test
  void spawnIsAnsweredWithSpawningThenSpawningCompleteInTheLocust2Shape() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.sent();

    fixture.spawn(counts(2, 1));

    assertThat(fixture.sent())
        .extracting(Message::type)
        .containsExactly(MessageType.SPAWNING, MessageType.SPAWNING_COMPLETE);
    Message complete = fixture.received.getLast();
    SpawningCompletePayload payload = SpawningCompletePayload.from(complete.data());
    assertThat(payload.shape()).isEqualTo(SpawningCompletePayload.Shape.LOCUST_2);
    assertThat(payload.userClassesCount())
        .containsExactly(Map.entry("MyUser", 2L), Map.entry("OtherUser", 1L));
    assertThat(payload.userCount()).isEqualTo(3);
    assertThat(fixture.runner.state()).isEqualTo(WorkerState.RUNNING);
    assertThat(fixture.runner.userCount()).isEqualTo(3);
  }

  @Test
  void targetsAreAbsoluteAndRepeatsAreApplied() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();

    fixture.spawn(counts(2, 0));
    fixture.spawn(counts(5, 0));
    fixture.spawn(counts(1, 0));

    assertThat(fixture.bridge.users.appliedTargets)
        .containsExactly(
            Map.of("MyUser", 2, "OtherUser", 0),
            Map.of("MyUser", 5, "OtherUser", 0),
            Map.of("MyUser", 1, "OtherUser", 0));
    assertThat(fixture.runner.userCount()).isEqualTo(1);
  }

  @Test
  void spawnWithOlderOrEqualTimestampIsIgnoredButStillAnsweredWithSpawning() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.spawnAt(100.0, counts(3, 0), null, null);
    fixture.sent();

    fixture.spawnAt(100.0, counts(9, 0), null, null);
    fixture.spawnAt(99.5, counts(8, 0), null, null);

    assertThat(fixture.sentTypes()).containsExactly(MessageType.SPAWNING, MessageType.SPAWNING);
    assertThat(fixture.bridge.users.appliedTargets).hasSize(1);
    assertThat(fixture.runner.userCount()).isEqualTo(3);
  }

  @Test
  void firstSpawnClearsStatsAndFiresTestStartOnce() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.bridge.stats.record("/before-the-run", "GET", 1.0, 0);

    fixture.spawn(counts(1, 0));
    fixture.spawn(counts(2, 0));
    fixture.advance(Duration.ofSeconds(3));

    assertThat(fixture.bridge.events)
        .containsExactly("test_start", "spawning_complete 1", "spawning_complete 2");
    assertThat(fixture.sent(MessageType.STATS).getFirst().data().toString())
        .doesNotContain("/before-the-run");
  }

  @Test
  void hostAndStopTimeoutOfTheSpawnAreApplied() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();

    fixture.spawnAt(100.0, counts(1, 0), "http://target:8080", 7L);
    fixture.fromMaster(MessageType.STOP, null);

    assertThat(fixture.bridge.host).isEqualTo("http://target:8080");
    assertThat(fixture.bridge.users.stopTimeouts).contains(Duration.ofSeconds(7));
    fixture.finishStopping();
    assertThat(fixture.bridge.users.stopTimeouts).last().isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void settingsStopTimeoutAppliesWhenTheSpawnHasNone() throws Exception {
    WorkerSettings settings =
        WorkerSettings.defaults("127.0.0.1", 5557).withStopTimeout(Duration.ofMillis(2_500));
    RunnerFixture fixture = new RunnerFixture(settings).startRegistered();

    fixture.spawn(counts(1, 0));
    fixture.fromMaster(MessageType.STOP, null);
    fixture.finishStopping();

    assertThat(fixture.bridge.users.stopTimeouts).last().isEqualTo(Duration.ofMillis(2_500));
  }

  @Test
  void unknownUserClassesAreIgnoredWithoutFailingTheSpawn() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.sent();

    fixture.spawn(Map.of("NoSuchUser", 4L));

    assertThat(fixture.sentTypes())
        .containsExactly(MessageType.SPAWNING, MessageType.SPAWNING_COMPLETE);
    assertThat(fixture.runner.userCount()).isZero();
  }

  private static Map<String, Long> counts(long myUsers, long otherUsers) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("MyUser", myUsers);
    counts.put("OtherUser", otherUsers);
    return counts;
  }
}
