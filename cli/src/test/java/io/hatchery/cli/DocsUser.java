package io.hatchery.cli;

import io.hatchery.HttpUser;
import io.hatchery.Task;
import io.hatchery.WaitTime;

/** The scenario of {@link DocumentedCommandLinesIT}: one page, no failures. */
public class DocsUser extends HttpUser {
  @Override
  public WaitTime waitTime() {
    return WaitTime.constant(0.05);
  }

  @Task
  public void index() {
    client.get("/");
  }
}
