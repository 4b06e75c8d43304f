package io.hatchery.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link IoThreadWakeup}: a pause lasts its time unless a signal or a stop ends it, whenever either
 * comes; a stray unpark does not shorten it; a signal also ends a selector poll, once until
 * cleared. Lower bounds on a pause hold by construction (it re-parks until its deadline); upper
 * bounds are generous deadlines, far below the pauses they cut short.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IoThreadWakeupTest {
  private static final long LONG_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final long PROMPT_NANOS = TimeUnit.SECONDS.toNanos(20);

  private Selector selector;
  private IoThreadWakeup wakeup;

  @BeforeEach
  void open() throws IOException {
    selector = Selector.open();
    wakeup = new IoThreadWakeup(selector::wakeup);
    wakeup.bindToCurrentThread();
  }

  @AfterEach
  void close() throws IOException {
    selector.close();
  }

  @Test
  void aPauseLastsItsTimeEvenAfterAStrayUnpark() {
    LockSupport.unpark(Thread.currentThread()); // a permit left over, as from an earlier wake-up
    long start = System.nanoTime();

    wakeup.pause(TimeUnit.MILLISECONDS.toNanos(50));

    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
  }

  @Test
  void aSignalDuringAPauseEndsIt() {
    long start = System.nanoTime();
    CompletableFuture<Void> signaller =
        CompletableFuture.runAsync(
            () -> {
              LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
              wakeup.signal();
            });

    wakeup.pause(LONG_PAUSE_NANOS);

    assertThat(System.nanoTime() - start).isLessThan(PROMPT_NANOS);
    signaller.join();
  }

  @Test
  void aSignalNotYetClearedSkipsThePauseAndClearingRestoresIt() {
    wakeup.signal();
    long start = System.nanoTime();

    wakeup.pause(LONG_PAUSE_NANOS);

    assertThat(System.nanoTime() - start).isLessThan(PROMPT_NANOS);
    wakeup.clear();
    start = System.nanoTime();
    wakeup.pause(TimeUnit.MILLISECONDS.toNanos(50));
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
  }

  @Test
  void aStopEndsAPauseAndEveryLaterOneEvenWhileASignalIsPending() {
    wakeup.signal(); // pending: the stop's own wake-up must not depend on the flag
    wakeup.clear();
    CompletableFuture<Void> stopper =
        CompletableFuture.runAsync(
            () -> {
              LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
              wakeup.stop();
            });
    long start = System.nanoTime();

    wakeup.pause(LONG_PAUSE_NANOS);

    assertThat(System.nanoTime() - start).isLessThan(PROMPT_NANOS);
    stopper.join();
    assertThat(wakeup.stopRequested()).isTrue();
    start = System.nanoTime();
    wakeup.pause(LONG_PAUSE_NANOS);
    assertThat(System.nanoTime() - start).isLessThan(PROMPT_NANOS);
  }

  @Test
  void aSignalEndsAPollOnceUntilCleared() throws IOException {
    CompletableFuture<Void> signaller =
        CompletableFuture.runAsync(
            () -> {
              LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
              wakeup.signal();
              wakeup.signal(); // coalesced: no second wake-up is left for the next poll
            });
    long start = System.nanoTime();

    selector.select(TimeUnit.NANOSECONDS.toMillis(LONG_PAUSE_NANOS));

    assertThat(System.nanoTime() - start).isLessThan(PROMPT_NANOS);
    signaller.join();
    wakeup.clear();
    start = System.nanoTime();
    selector.select(50);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(40));
  }
}
