package io.hatchery.worker.runtime;

import io.hatchery.protocol.payload.ExceptionPayload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects user errors for the {@code exception} messages, bounded: at most {@code maxPerInterval}
 * reports wait at a time and at most that many leave per report interval; the rest are counted as
 * dropped. Locust's worker sends one message per error, which lets a failing task flood the master;
 * the cap keeps the first ones, which carry the information.
 *
 * <p>Thread-safety: {@link #onUserError} is called on user threads (lock-free offer, never blocks);
 * {@link #take} and {@link #startInterval} belong to the worker's control thread.
 */
final class ExceptionReports implements UserErrorListener {
  private final int maxPerInterval;
  private final BlockingQueue<ExceptionPayload> pending;
  private final AtomicLong dropped = new AtomicLong();
  private int sentThisInterval;

  ExceptionReports(int maxPerInterval) {
    this.maxPerInterval = maxPerInterval;
    this.pending = new ArrayBlockingQueue<>(Math.max(1, maxPerInterval));
  }

  @Override
  public void onUserError(Throwable error) {
    if (maxPerInterval == 0 || !pending.offer(payloadOf(error))) {
      dropped.incrementAndGet();
    }
  }

  /** Returns the reports that may be sent now, within this interval's budget. */
  List<ExceptionPayload> take() {
    List<ExceptionPayload> out = new ArrayList<>();
    while (sentThisInterval < maxPerInterval) {
      ExceptionPayload next = pending.poll();
      if (next == null) {
        break;
      }
      out.add(next);
      sentThisInterval++;
    }
    return out;
  }

  /** Starts a new interval; returns how many reports were dropped since the previous call. */
  long startInterval() {
    sentThisInterval = 0;
    return dropped.getAndSet(0);
  }

  /** Locust sends {@code str(exception)} and the formatted traceback; Java's nearest forms. */
  static ExceptionPayload payloadOf(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return new ExceptionPayload(String.valueOf(error), trace.toString());
  }
}
