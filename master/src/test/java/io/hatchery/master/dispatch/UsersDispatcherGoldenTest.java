package io.hatchery.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every scenario recorded from Locust 2.12.1's own {@code UsersDispatcher} and demands the
 * same iterations: the same per-worker, per-class counts and the same delay before each one.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class UsersDispatcherGoldenTest {

  static List<GoldenScenario> scenarios() {
    return GoldenScenario.load(GoldenScenario.SCENARIOS);
  }

  static List<GoldenScenario> randomScenarios() {
    return GoldenScenario.load(GoldenScenario.RANDOM_SCENARIOS);
  }

  @Test
  void fixturesCoverTheRecordedScenarios() {
    assertThat(scenarios()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(randomScenarios()).hasSizeGreaterThanOrEqualTo(80);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void iterationsMatchLocust2121(GoldenScenario scenario) {
    replay(scenario);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("randomScenarios")
  void randomIterationsMatchLocust2121(GoldenScenario scenario) {
    replay(scenario);
  }

  /**
   * A caller that stops at {@code isDone()} and never calls {@code next()} past the end (as {@code
   * StopIteration} would) sees the same iterations.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource({"scenarios", "randomScenarios"})
  void callerThatNeverOverrunsTheEndSeesTheSameIterations(GoldenScenario scenario) {
    replay(scenario, false);
  }

  private static void replay(GoldenScenario scenario) {
    replay(scenario, true);
  }

  private static void replay(GoldenScenario scenario, boolean overrunEnd) {
    UsersDispatcher dispatcher = new UsersDispatcher(scenario.workers(), scenario.userClasses());
    List<String> classOrder =
        scenario.userClasses().stream().map(UserClassSpec::name).sorted().toList();
    int index = 0;
    for (JsonNode event : scenario.events()) {
      String where = scenario.name() + ", event " + index++ + ": " + event;
      switch (event.get("op").asText()) {
        case "newDispatch" ->
            dispatcher.newDispatch(
                event.get("targetUserCount").asLong(), event.get("spawnRate").asDouble());
        case "addWorker" -> dispatcher.addWorker(event.get("workerId").asText());
        case "removeWorker" -> dispatcher.removeWorker(event.get("workerId").asText());
        case "next" -> replayNext(dispatcher, event, classOrder, where, overrunEnd);
        default -> throw new AssertionError("unknown op in " + where);
      }
    }
  }

  private static void replayNext(
      UsersDispatcher dispatcher,
      JsonNode event,
      List<String> classOrder,
      String where,
      boolean overrunEnd) {
    Duration recordedSleep =
        Duration.ofNanos(Math.round(event.get("sleepSeconds").asDouble() * 1e9));
    assertThat(dispatcher.delayBeforeNext()).as(where).isEqualTo(recordedSleep);
    if (event.path("end").asBoolean(false)) {
      assertThat(dispatcher.isDone()).as(where).isTrue();
      if (overrunEnd) {
        assertThatThrownBy(dispatcher::next).as(where).isInstanceOf(NoSuchElementException.class);
      }
      return;
    }
    assertThat(dispatcher.isDone()).as(where).isFalse();
    Dispatch dispatch = dispatcher.next();
    assertThat(dispatch.usersPerWorker()).as(where).isEqualTo(GoldenScenario.users(event));
    for (Map<String, Long> counts : dispatch.usersPerWorker().values()) {
      assertThat(counts.keySet()).as(where).containsExactlyElementsOf(classOrder);
    }
    assertThat(dispatch.delayBeforeNext()).as(where).isEqualTo(dispatcher.delayBeforeNext());
  }
}
