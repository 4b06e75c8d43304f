package io.hatchery.cli.headless;

import io.hatchery.master.control.MasterControl;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link HeadlessRun} in real time: {@link HeadlessRun#tick()} once a second on one thread
 * ({@code hatchery-headless}), keyboard controls when stdin is a terminal, and Ctrl-C (JVM
 * shutdown) ending the run the normal way, with final tables and Locust's exit code (Locust 2.12.1
 * treats Ctrl-C as a normal end).
 *
 * <p>Every call into the run happens on the loop thread; this class only schedules.
 */
public final class HeadlessLoop {
  private static final Logger LOG = LoggerFactory.getLogger(HeadlessLoop.class);

  private HeadlessLoop() {}

  /** Runs until the run is over or the JVM is asked to exit; returns the exit code. */
  public static int run(HeadlessRun run, MasterControl master) {
    ScheduledExecutorService loop =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hatchery-headless"));
    CompletableFuture<Boolean> ended = new CompletableFuture<>();
    CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    loop.scheduleAtFixedRate(
        () -> {
          try {
            if (!ended.isDone() && run.tick()) {
              ended.complete(false);
            }
          } catch (RuntimeException e) {
            LOG.error("Unhandled error in the headless loop", e);
            ended.complete(true);
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
    Thread hook =
        new Thread(
            () -> {
              ended.complete(false);
              exitCode.join();
            },
            "hatchery-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    Keyboard keyboard = Keyboard.startIfTerminal(key -> loop.execute(() -> press(key, master)));
    ended.thenAccept(
        internalError ->
            loop.execute(
                () -> {
                  keyboard.close();
                  exitCode.complete(run.finish(internalError));
                }));
    try {
      return exitCode.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return RunOutcome.INTERNAL_ERROR_EXIT_CODE;
    } catch (ExecutionException e) {
      LOG.error("The headless run failed", e.getCause());
      return RunOutcome.INTERNAL_ERROR_EXIT_CODE;
    } finally {
      loop.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the JVM is exiting with the signal's status; keep Locust's exit code instead.
        Runtime.getRuntime().halt(exitCode.getNow(RunOutcome.INTERNAL_ERROR_EXIT_CODE));
      }
    }
  }

  private static void press(char key, MasterControl master) {
    KeyboardControl.press(key, master).ifPresent(LOG::warn);
  }
}
