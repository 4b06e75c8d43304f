package io.hatchery.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.Environment;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.master.runner.Master;
import io.hatchery.protocol.transport.InprocRpc;
import io.hatchery.protocol.transport.RpcClient;
import io.hatchery.protocol.transport.ZmqRpcClient;
import io.hatchery.testkit.TestTarget;
import io.hatchery.worker.engine.ScenarioEngine;
import io.hatchery.worker.engine.UserClasses;
import io.hatchery.worker.runtime.NodeIds;
import io.hatchery.worker.runtime.WorkerRuntime;
import io.hatchery.worker.runtime.WorkerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Hatchery master and two Hatchery workers (runtime + engine + HttpSession users) in one JVM
 * against a {@link TestTarget}, over TCP and over inproc (standalone mode's link): the master's
 * totals equal what the target served. The shape of Locust's {@code
 * test_distributed_integration_run}.
 */
@Timeout(90)
class HatcheryClusterIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<UserClassSpec> CLASSES =
      List.of(UserClassSpec.weighted(InteropHttpUser.class.getSimpleName(), 1));

  @Test
  void twoWorkersOverTcpDeliverExactTotals() throws Exception {
    try (TestTarget target = TestTarget.start();
        Master master =
            Master.builder()
                .userClasses(CLASSES)
                .stopTimeout(Duration.ofSeconds(5))
                .bind("127.0.0.1", 0)
                .start()) {
      List<RpcClient> links = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        links.add(ZmqRpcClient.connect("127.0.0.1", master.port(), NodeIds.generate()));
      }
      runAndReconcile(master, target, links);
    }
  }

  @Test
  void standaloneMasterAndWorkerOverInprocDeliverExactTotals() throws Exception {
    try (TestTarget target = TestTarget.start();
        InprocRpc link = InprocRpc.open();
        Master master =
            Master.builder()
                .userClasses(CLASSES)
                .stopTimeout(Duration.ofSeconds(5))
                .rpc(link.server())
                .start()) {
      runAndReconcile(master, target, List.of(link.connect(NodeIds.generate())));
    }
  }

  private static void runAndReconcile(Master master, TestTarget target, List<RpcClient> links)
      throws Exception {
    List<WorkerRuntime> workers = new ArrayList<>();
    try {
      for (RpcClient link : links) {
        ScenarioEngine engine =
            ScenarioEngine.create(
                Environment.builder().build(), UserClasses.of(List.of(InteropHttpUser.class)));
        workers.add(
            WorkerRuntime.create(link, engine, WorkerSettings.defaults("127.0.0.1", 0)).start());
      }
      await(master, s -> s.workers().size() == links.size());

      master.start(
          new SwarmRequest(4, 4.0, Optional.of(target.baseUrl()), Optional.empty(), List.of()));
      await(master, s -> s.state() == RunState.RUNNING && s.userCount() == 4);
      await(master, s -> s.stats().total().numRequests() > 100);
      master.quit();

      for (WorkerRuntime worker : workers) {
        assertThat(worker.awaitExit(WAIT)).isEqualTo(WorkerRuntime.EXIT_OK);
      }
      assertThat(master.awaitTermination(WAIT)).isTrue();
      MasterSnapshot last = master.snapshot();
      long failed = target.requestCount("/status/503");
      assertThat(failed).isPositive();
      assertThat(last.stats().total().numRequests()).isEqualTo(target.requestCount());
      assertThat(last.stats().total().numFailures()).isEqualTo(failed);
    } finally {
      workers.forEach(WorkerRuntime::close);
      links.forEach(RpcClient::close);
    }
  }

  private static void await(Master master, Predicate<MasterSnapshot> condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.test(master.snapshot())) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("master never reached the expected state: " + master.snapshot());
      }
      Thread.sleep(20);
    }
  }
}
