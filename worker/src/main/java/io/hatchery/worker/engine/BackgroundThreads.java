package io.hatchery.worker.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The virtual threads one user started with {@code spawnBackground} (the manuals' "spawn a
 * greenlet"): tracked while they run, interrupted and joined when the user ends. Thread-safe.
 */
final class BackgroundThreads {

  private static final System.Logger LOG = System.getLogger(BackgroundThreads.class.getName());

  /** How long ending waits for each thread after interrupting it. */
  static final Duration JOIN_LIMIT = Duration.ofSeconds(5);

  private final String namePrefix;
  private final Consumer<Throwable> errors;
  private final Set<Thread> running = new HashSet<>();
  private boolean ended;

  /**
   * @param namePrefix the owning user's thread name
   * @param errors told about exceptions a thread ends with before the threads are ended
   */
  BackgroundThreads(String namePrefix, Consumer<Throwable> errors) {
    this.namePrefix = namePrefix;
    this.errors = errors;
  }

  /**
   * Starts {@code work} on a new virtual thread.
   *
   * @throws IllegalStateException once {@link #end()} has begun
   */
  Thread spawn(Runnable work) {
    synchronized (running) {
      if (ended) {
        throw new IllegalStateException(namePrefix + " has stopped");
      }
      Thread thread =
          Thread.ofVirtual().name(namePrefix + "-background").unstarted(() -> run(work));
      running.add(thread);
      thread.start();
      return thread;
    }
  }

  /**
   * Refuses new threads, interrupts the running ones and waits up to {@link #JOIN_LIMIT} for each;
   * a thread that ignores its interrupt is logged and left running. Keeps the caller's interrupt
   * status.
   */
  void end() {
    List<Thread> threads;
    synchronized (running) {
      ended = true;
      threads = new ArrayList<>(running);
    }
    threads.forEach(Thread::interrupt);
    boolean interrupted = Thread.interrupted();
    for (Thread thread : threads) {
      try {
        if (!thread.join(JOIN_LIMIT)) {
          LOG.log(System.Logger.Level.WARNING, thread.getName() + " ignored its interrupt");
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(Runnable work) {
    try {
      work.run();
    } catch (Throwable e) {
      boolean stopping;
      synchronized (running) {
        stopping = ended;
      }
      if (!stopping) {
        errors.accept(e);
      }
    } finally {
      synchronized (running) {
        running.remove(Thread.currentThread());
      }
    }
  }
}
