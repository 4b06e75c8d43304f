package io.hatchery.bench.worker;

import io.hatchery.HttpUser;
import io.hatchery.Task;
import io.hatchery.WaitTime;

/**
 * S3, connected variant: an {@code HttpUser} that sends one {@code GET path} and then waits an
 * hour, so on top of an {@link IdleUser} it holds an idle keep-alive connection (socket, HttpClient
 * connection and its buffers) in the pool.
 */
public class ConnectedIdleUser extends HttpUser {

  private final String path = BenchOptions.path(environment());

  @Override
  public WaitTime waitTime() {
    return WaitTime.constant(3600);
  }

  /** Fetches the benchmark's static file once; the user then waits. */
  @Task
  public void index() {
    client.get(path);
  }
}
