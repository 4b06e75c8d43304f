package io.hatchery.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class UsersDispatcherTest {
  private static final List<UserClassSpec> ONE_CLASS = List.of(UserClassSpec.weighted("MyUser", 1));

  @Test
  void threeUsersAtRateTwoTakeTwoStepsOneSecondApart() {
    // protocol.md 6.3: with -u 3 -r 2, spawn {MyUser: 2} at t0 and {MyUser: 3} at t0 + 1 s.
    UsersDispatcher dispatcher = new UsersDispatcher(List.of("w_1"), ONE_CLASS);
    dispatcher.newDispatch(3, 2);

    Dispatch first = dispatcher.next();
    assertThat(first.usersPerWorker()).isEqualTo(Map.of("w_1", Map.of("MyUser", 2L)));
    assertThat(first.delayBeforeNext()).isEqualTo(Duration.ofSeconds(1));
    Dispatch second = dispatcher.next();
    assertThat(second.usersPerWorker()).isEqualTo(Map.of("w_1", Map.of("MyUser", 3L)));
    assertThat(second.delayBeforeNext()).isZero();
    assertThat(dispatcher.isDone()).isTrue();
  }

  @Test
  void fractionalRateStepsOneUserEveryReciprocalSecond() {
    UsersDispatcher dispatcher = new UsersDispatcher(List.of("w_1"), ONE_CLASS);
    dispatcher.newDispatch(5, 0.5);
    assertThat(dispatcher.next().delayBeforeNext()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void rateTwoAndAHalfAddsTwoUsersEveryPointEightSeconds() {
    UsersDispatcher dispatcher = new UsersDispatcher(List.of("w_1"), ONE_CLASS);
    dispatcher.newDispatch(5, 2.5);
    Dispatch first = dispatcher.next();
    assertThat(first.userCount()).isEqualTo(2);
    assertThat(first.delayBeforeNext()).isEqualTo(Duration.ofMillis(800));
  }

  @Test
  void everyWorkerListsEveryClassInNameOrder() {
    UsersDispatcher dispatcher =
        new UsersDispatcher(
            List.of("b_1", "a_1"),
            List.of(UserClassSpec.weighted("Zed", 1), UserClassSpec.weighted("Amy", 3)));
    dispatcher.newDispatch(1, 1);
    Dispatch dispatch = dispatcher.next();
    assertThat(dispatch.usersPerWorker()).containsOnlyKeys("a_1", "b_1");
    dispatch.usersPerWorker().values().forEach(c -> assertThat(c).containsOnlyKeys("Amy", "Zed"));
    assertThat(dispatch.usersPerWorker().get("a_1").keySet()).containsExactly("Amy", "Zed");
  }

  @Test
  void removedWorkersUsersMoveToTheOthersInTheNextIteration() {
    UsersDispatcher dispatcher = new UsersDispatcher(List.of("w_a", "w_b", "w_c"), ONE_CLASS);
    dispatcher.newDispatch(9, 100);
    dispatcher.next();
    assertThat(dispatcher.isDone()).isTrue();

    dispatcher.removeWorker("w_b");
    dispatcher.newDispatch(9, 100);
    Dispatch rebalanced = dispatcher.next();
    assertThat(rebalanced.usersPerWorker()).containsOnlyKeys("w_a", "w_c");
    assertThat(rebalanced.userCount()).isEqualTo(9);
    assertThat(rebalanced.delayBeforeNext()).isZero();
    assertThat(dispatcher.isDone()).isTrue();
  }

  @Test
  void workerAddedMidRampIsServedAtOnce() {
    UsersDispatcher dispatcher = new UsersDispatcher(List.of("w_a"), ONE_CLASS);
    dispatcher.newDispatch(10, 1);
    dispatcher.next();
    dispatcher.next();
    assertThat(dispatcher.delayBeforeNext()).isEqualTo(Duration.ofSeconds(1));

    dispatcher.addWorker("w_b");
    assertThat(dispatcher.delayBeforeNext()).isZero();
    Dispatch rebalanced = dispatcher.next();
    assertThat(rebalanced.usersPerWorker())
        .isEqualTo(Map.of("w_a", Map.of("MyUser", 1L), "w_b", Map.of("MyUser", 1L)));
    assertThat(rebalanced.delayBeforeNext()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void workerAddedAfterTheCycleIsOverIsDeliveredByTheNextNewDispatch() {
    UsersDispatcher dispatcher = new UsersDispatcher(List.of("w_a"), ONE_CLASS);
    dispatcher.newDispatch(4, 100);
    dispatcher.next();
    assertThat(dispatcher.isDone()).isTrue();

    dispatcher.addWorker("w_b");
    assertThat(dispatcher.isDone()).isTrue();
    dispatcher.newDispatch(4, 100);
    Dispatch rebalanced = dispatcher.next();
    assertThat(rebalanced.usersPerWorker())
        .isEqualTo(Map.of("w_a", Map.of("MyUser", 2L), "w_b", Map.of("MyUser", 2L)));
    assertThat(dispatcher.isDone()).isTrue();
  }

  @Test
  void rampDownRemovesTheNewestUsersFirst() {
    List<UserClassSpec> classes =
        List.of(UserClassSpec.weighted("A", 1), UserClassSpec.weighted("B", 1));
    UsersDispatcher down = new UsersDispatcher(List.of("w_a", "w_b"), classes);
    down.newDispatch(5, 100);
    down.next();
    down.newDispatch(2, 1);
    down.next();
    down.next();
    Dispatch afterRampDown = down.next();

    UsersDispatcher up = new UsersDispatcher(List.of("w_a", "w_b"), classes);
    up.newDispatch(2, 100);
    assertThat(afterRampDown.usersPerWorker()).isEqualTo(up.next().usersPerWorker());
    assertThat(afterRampDown.delayBeforeNext()).isZero();
    assertThat(down.isDone()).isTrue();
  }

  @Test
  void nextAfterTheEndThrowsAndNewDispatchStartsAgain() {
    UsersDispatcher dispatcher = new UsersDispatcher(List.of("w_a"), ONE_CLASS);
    assertThat(dispatcher.isDone()).isTrue();
    dispatcher.newDispatch(1, 1);
    assertThat(dispatcher.hasNext()).isTrue();
    dispatcher.next();
    assertThatThrownBy(dispatcher::next).isInstanceOf(NoSuchElementException.class);
    dispatcher.newDispatch(2, 1);
    assertThat(dispatcher.next().userCount()).isEqualTo(2);
  }

  @Test
  void invalidInputsAreRejected() {
    assertThatThrownBy(() -> new UsersDispatcher(List.of(), ONE_CLASS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UsersDispatcher(List.of("w"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new UsersDispatcher(
                    List.of("w"),
                    List.of(UserClassSpec.weighted("A", 1), UserClassSpec.fixed("A", 2))))
        .isInstanceOf(IllegalArgumentException.class);
    UsersDispatcher dispatcher = new UsersDispatcher(List.of("w"), ONE_CLASS);
    assertThatThrownBy(() -> dispatcher.newDispatch(-1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dispatcher.newDispatch(1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dispatcher.newDispatch(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UserClassSpec.weighted("A", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
