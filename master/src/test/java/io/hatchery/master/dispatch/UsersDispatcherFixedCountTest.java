package io.hatchery.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class UsersDispatcherFixedCountTest {
  private static final List<UserClassSpec> CLASSES =
      List.of(
          UserClassSpec.fixed("Admin", 1),
          UserClassSpec.fixed("Bot", 2),
          UserClassSpec.weighted("Reader", 1));

  private static Dispatch last(UsersDispatcher dispatcher) {
    Dispatch dispatch = dispatcher.next();
    while (!dispatcher.isDone()) {
      dispatch = dispatcher.next();
    }
    return dispatch;
  }

  @Test
  void fixedCountClassesAreStartedFirst() {
    UsersDispatcher dispatcher = new UsersDispatcher(List.of("w_a"), CLASSES);
    dispatcher.newDispatch(3, 1);
    assertThat(dispatcher.next().userClassesCount()).containsEntry("Reader", 0L);
    assertThat(dispatcher.next().userClassesCount()).containsEntry("Reader", 0L);
    assertThat(dispatcher.next().userClassesCount())
        .isEqualTo(Map.of("Admin", 1L, "Bot", 2L, "Reader", 0L));
  }

  @Test
  void rampingUpAgainAfterARampDownDoesNotHangAndKeepsFixedCounts() {
    // Locust 2.12.1 loops forever here: every fixed class is at its count when the ramp-up
    // re-reads them. We end the fixed loop and go on with weighted users.
    UsersDispatcher dispatcher = new UsersDispatcher(List.of("w_a", "w_b"), CLASSES);
    dispatcher.newDispatch(8, 10);
    last(dispatcher);
    dispatcher.newDispatch(5, 10);
    last(dispatcher);
    dispatcher.newDispatch(9, 10);
    assertThat(last(dispatcher).userClassesCount())
        .isEqualTo(Map.of("Admin", 1L, "Bot", 2L, "Reader", 6L));
  }

  @Test
  void rampingDownBelowTheFixedTotalRefillsFixedClassesFirst() {
    UsersDispatcher dispatcher = new UsersDispatcher(List.of("w_a"), CLASSES);
    dispatcher.newDispatch(6, 100);
    last(dispatcher);
    dispatcher.newDispatch(1, 100);
    // Started Bot, Admin, Bot (smooth round-robin over 2:4), then Readers; removed newest first.
    assertThat(last(dispatcher).userClassesCount())
        .isEqualTo(Map.of("Admin", 0L, "Bot", 1L, "Reader", 0L));
    dispatcher.newDispatch(4, 100);
    assertThat(last(dispatcher).userClassesCount())
        .isEqualTo(Map.of("Admin", 1L, "Bot", 2L, "Reader", 1L));
  }

  @Test
  void onlyFixedClassesStopAtTheirTotalBelowTheTarget() {
    UsersDispatcher dispatcher =
        new UsersDispatcher(
            List.of("w_a"), List.of(UserClassSpec.fixed("A", 2), UserClassSpec.fixed("B", 1)));
    dispatcher.newDispatch(10, 100);
    Dispatch dispatch = dispatcher.next();
    assertThat(dispatch.userClassesCount()).isEqualTo(Map.of("A", 2L, "B", 1L));
    assertThat(dispatcher.isDone()).isTrue();
  }
}
