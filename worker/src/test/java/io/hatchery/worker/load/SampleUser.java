package io.hatchery.worker.load;

/** Stands in for {@code io.hatchery.User} in loader tests: the base user classes extend. */
public abstract class SampleUser {
  /** The task a test user runs; lets tests instantiate and call a loaded class. */
  public abstract String run();
}
