package io.hatchery.master.dispatch;

import java.time.Duration;

/**
 * What resuming a dispatch cycle does next, computed without changing anything: how long Locust
 * 2.12.1 sleeps first, what it yields (or that it ends), and where it is suspended afterwards.
 *
 * <p>Mirrors the control flow of {@code UsersDispatcher._dispatcher} and its {@code
 * _wait_between_dispatch_iteration_context}: the sleep happens when leaving a ramp step's context
 * (after the rebalance check) and only while the current user count differs from the target.
 */
record DispatchStep(
    Action action,
    ResumePoint next,
    Duration sleep,
    boolean clearsRebalance,
    boolean clearsNoUserToSpawn) {

  enum Action {
    /** Yield the current (rebalanced) distribution. */
    EMIT_CURRENT,
    /** Yield the distribution as it was when the cycle started. */
    EMIT_INITIAL,
    ADD_USERS,
    REMOVE_USERS,
    END
  }

  static DispatchStep plan(
      ResumePoint at,
      boolean rebalance,
      boolean noUserToSpawn,
      long currentUserCount,
      long targetUserCount,
      Duration stepDelay) {
    Duration exitSleep = currentUserCount == targetUserCount ? Duration.ZERO : stepDelay;
    return switch (at) {
      case NOT_STARTED, AFTER_UNCHANGED, FINISHED -> stop(Duration.ZERO, false);
      case NEW -> {
        if (rebalance) {
          yield emitRebalance(ResumePoint.AFTER_START_REBALANCE);
        }
        if (currentUserCount == targetUserCount) {
          yield new DispatchStep(
              Action.EMIT_INITIAL, ResumePoint.AFTER_UNCHANGED, Duration.ZERO, false, false);
        }
        yield rampUp(Duration.ZERO, false, currentUserCount, targetUserCount);
      }
      case AFTER_START_REBALANCE ->
          currentUserCount == targetUserCount
              ? stop(Duration.ZERO, false)
              : rampUp(Duration.ZERO, false, currentUserCount, targetUserCount);
      case AFTER_UP ->
          rebalance
              ? emitRebalance(ResumePoint.AFTER_UP_REBALANCE)
              : leaveUpStep(exitSleep, noUserToSpawn, currentUserCount, targetUserCount);
      case AFTER_UP_REBALANCE ->
          leaveUpStep(exitSleep, noUserToSpawn, currentUserCount, targetUserCount);
      case AFTER_DOWN ->
          rebalance
              ? emitRebalance(ResumePoint.AFTER_DOWN_REBALANCE)
              : rampDown(exitSleep, false, currentUserCount, targetUserCount);
      case AFTER_DOWN_REBALANCE -> rampDown(exitSleep, false, currentUserCount, targetUserCount);
    };
  }

  private static DispatchStep leaveUpStep(
      Duration sleep, boolean noUserToSpawn, long current, long target) {
    // 2.12.1 breaks out of the ramp-up loop when no class could be started (only fixed-count
    // classes, all reached); it still sleeps while leaving the step.
    return noUserToSpawn
        ? rampDown(sleep, true, current, target)
        : rampUp(sleep, false, current, target);
  }

  private static DispatchStep rampUp(
      Duration sleep, boolean clearsNoUser, long current, long target) {
    if (current < target) {
      return new DispatchStep(Action.ADD_USERS, ResumePoint.AFTER_UP, sleep, false, clearsNoUser);
    }
    return rampDown(sleep, clearsNoUser, current, target);
  }

  private static DispatchStep rampDown(
      Duration sleep, boolean clearsNoUser, long current, long target) {
    if (current > target) {
      return new DispatchStep(
          Action.REMOVE_USERS, ResumePoint.AFTER_DOWN, sleep, false, clearsNoUser);
    }
    return stop(sleep, clearsNoUser);
  }

  private static DispatchStep emitRebalance(ResumePoint next) {
    return new DispatchStep(Action.EMIT_CURRENT, next, Duration.ZERO, true, false);
  }

  private static DispatchStep stop(Duration sleep, boolean clearsNoUser) {
    return new DispatchStep(Action.END, ResumePoint.FINISHED, sleep, false, clearsNoUser);
  }
}
