package io.hatchery.bench.master;

import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.master.headless.HeadlessOptions;
import io.hatchery.master.headless.HeadlessRun;
import io.hatchery.master.runner.Master;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The Hatchery master of the benchmark, in a process of its own so its CPU time can be read from
 * {@code /proc} like the Python master's: {@code --master --headless --expect-workers N -u N -r N
 * -t T} bound on {@code 127.0.0.1:<port>}. When the run has ended it prints {@code TOTAL
 * <requests>} (the merged total) and exits.
 *
 * <p>Arguments: {@code <port> <workers> <runTimeSeconds>}.
 */
public final class HatcheryMasterMain {
  /** The line prefix {@link MasterBench} looks for. */
  static final String TOTAL_PREFIX = "TOTAL ";

  private HatcheryMasterMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int workers = Integer.parseInt(args[1]);
    Duration runTime = Duration.ofSeconds(Long.parseLong(args[2]));
    try (Master master =
        Master.builder()
            .userClasses(List.of(UserClassSpec.weighted(SyntheticReport.USER_CLASS, 1)))
            .bind("127.0.0.1", port)
            .start()) {
      SwarmRequest request =
          new SwarmRequest(workers, workers, Optional.empty(), Optional.of(runTime), List.of());
      HeadlessRun run =
          new HeadlessRun(
              master,
              HeadlessOptions.of(request).withExpectWorkers(workers, Optional.empty()),
              InstantSource.system());
      master.addListener(run);
      run.awaitExitCode(runTime.multipliedBy(10));
      master.awaitTermination(Duration.ofSeconds(30));
      MasterSnapshot last = master.snapshot();
      System.out.println(TOTAL_PREFIX + last.stats().total().numRequests());
    }
  }
}
