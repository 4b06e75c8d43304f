package io.hatchery.bench.worker;

import io.hatchery.HttpUser;
import io.hatchery.Task;
import io.hatchery.WaitTime;

/**
 * S2: a user that starts one {@code GET path} every second ({@code constant_pacing(1)}), so N users
 * offer N requests per second.
 */
public class PacedUser extends HttpUser {

  private final String path = BenchOptions.path(environment());

  @Override
  public WaitTime waitTime() {
    return WaitTime.constantPacing(1);
  }

  /** Fetches the benchmark's static file. */
  @Task
  public void index() {
    client.get(path);
  }
}
