package io.hatchery.bench.worker;

import io.hatchery.HttpUser;
import io.hatchery.Task;

/**
 * S1: a user that sends {@code GET path} in a closed loop with no wait, the Java twin of the
 * benchmark's {@code FastHttpUser} with {@code wait_time = constant(0)}. Each user has its own
 * keep-alive connection (Locust's default).
 */
public class SaturatingUser extends HttpUser {

  private final String path = BenchOptions.path(environment());

  /** Fetches the benchmark's static file. */
  @Task
  public void index() {
    client.get(path);
  }
}
