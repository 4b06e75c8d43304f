package io.hatchery.master.dispatch;

import java.util.List;

/**
 * Round-robin over a snapshot of the worker order (Locust: {@code itertools.cycle(worker_nodes)}).
 * Later changes to the dispatcher's worker list do not affect it; a rebalance replaces it. Not
 * thread-safe.
 */
final class WorkerCycle {
  private final List<String> workers;
  private int position;

  WorkerCycle(List<String> workers) {
    if (workers.isEmpty()) {
      throw new IllegalArgumentException("no workers to cycle over");
    }
    this.workers = List.copyOf(workers);
  }

  String next() {
    String worker = workers.get(position);
    position = (position + 1) % workers.size();
    return worker;
  }
}
