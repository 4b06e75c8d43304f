package io.hatchery.bench.worker;

import io.hatchery.HttpUser;
import io.hatchery.Task;
import io.hatchery.WaitTime;

/**
 * S3: an {@code HttpUser} that spends its life in its wait time ({@code constant(3600)}) after an
 * empty task, so its memory is what an idle user costs: the user object, its {@code HttpSession}
 * (cookies, connection group), its engine bookkeeping and its parked virtual thread. It opens no
 * connection (100,000 connections would not fit in one loopback port range).
 */
public class IdleUser extends HttpUser {

  @Override
  public WaitTime waitTime() {
    return WaitTime.constant(3600);
  }

  /** Does nothing; the user then waits. */
  @Task
  public void idle() {}
}
