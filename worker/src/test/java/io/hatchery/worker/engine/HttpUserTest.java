package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.Environment;
import io.hatchery.HttpUser;
import io.hatchery.StopUser;
import io.hatchery.Task;
import io.hatchery.TaskSet;
import io.hatchery.http.Request;
import io.hatchery.stats.EntryReport;
import io.hatchery.stats.StatsError;
import io.hatchery.stats.StatsRecorder;
import io.hatchery.testkit.TestTarget;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class HttpUserTest {

  static class Visitor extends HttpUser {
    @Override
    public Map<String, Object> context() {
      return Map.of("tenant", "blue");
    }

    @Task
    void visit() {
      client.get("/hello");
      client.get("/status/503", Request.options().withContext(Map.of("step", "checkout")));
      throw new StopUser();
    }
  }

  static class Nested extends HttpUser {
    @Task
    static class Browse extends TaskSet {
      @Task
      void page() {
        client().get("/nested");
        throw new StopUser();
      }
    }
  }

  static class NotHttp extends io.hatchery.User {
    @Task
    static class Browse extends TaskSet {
      @Task
      void page() {
        client();
      }
    }
  }

  @Test
  void aTaskSetReachesItsUsersClient() throws Exception {
    try (TestTarget target = TestTarget.start()) {
      Engines.Bound bound =
          Engines.bound(Environment.builder().host(target.baseUrl()).build(), Nested.class);
      bound.start(Nested.class, 1);
      Engines.await("the user to end", () -> bound.users().aliveCount() == 0);
      assertThat(target.requestCount("/nested")).isEqualTo(1);
      assertThat(bound.userErrors()).isEmpty();

      Engines.Bound plain = Engines.bound(NotHttp.class);
      plain.start(NotHttp.class, 1);
      Engines.await("an error", () -> !plain.userErrors().isEmpty());
      plain.stopAll();
      assertThat(plain.userErrors().peek())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is not an HttpUser");
    }
  }

  @Test
  void clientRequestsGoToTheHostAndIntoTheStatistics() throws Exception {
    try (TestTarget target = TestTarget.start()) {
      Environment environment = Environment.builder().host(target.baseUrl()).build();
      InstantSource clock = InstantSource.system();
      StatsRecorder stats = new StatsRecorder(clock);
      ScenarioEngine engine =
          new ScenarioEngine(environment, UserClasses.of(List.of(Visitor.class)), stats, clock, 5);
      Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
      engine.bind(new RecordingRunner(), errors::add);
      List<Map<String, Object>> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
      environment.events().request().add(event -> contexts.add(event.context()));
      environment
          .events()
          .request()
          .add(event -> statuses.add(((io.hatchery.http.Response) event.response()).status()));

      engine.users().applyTargets(Map.of("Visitor", 2), java.time.Duration.ZERO);
      Engines.await("both users to end", () -> engine.userGroup().aliveCount() == 0);
      engine.fireQuitting();

      assertThat(target.requestCount("/hello")).isEqualTo(2);
      var report = stats.snapshot();
      assertThat(report.stats())
          .extracting(
              EntryReport::name,
              EntryReport::method,
              EntryReport::numRequests,
              EntryReport::numFailures)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("/hello", "GET", 2L, 0L),
              org.assertj.core.groups.Tuple.tuple("/status/503", "GET", 2L, 2L));
      assertThat(report.errors().values())
          .extracting(StatsError::error)
          .singleElement()
          .asString()
          .startsWith("HTTPError('503 Server Error");
      assertThat(contexts)
          .hasSize(4)
          .containsOnly(Map.of("tenant", "blue"), Map.of("tenant", "blue", "step", "checkout"))
          .filteredOn(c -> c.containsKey("step"))
          .hasSize(2);
      assertThat(statuses).containsExactlyInAnyOrder(200, 200, 503, 503);
      assertThat(errors).isEmpty();
    }
  }

  @Test
  void anHttpUserWithoutAHostFailsToStartWithLocustsMessage() {
    Engines.Bound bound = Engines.bound(Visitor.class);
    bound.start(Visitor.class, 1);
    Engines.await("the user to end", () -> bound.users().aliveCount() == 0);
    assertThat(bound.userErrors())
        .singleElement()
        .asString()
        .contains("You must specify the base host");
  }
}
