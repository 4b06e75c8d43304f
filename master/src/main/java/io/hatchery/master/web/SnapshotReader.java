package io.hatchery.master.web;

import io.hatchery.master.control.MasterControl;
import io.hatchery.master.control.MasterSnapshot;
import java.io.IOException;

/**
 * Takes the master's latest snapshot and renders it under one lock. A snapshot's {@code
 * RequestStats} is not thread-safe even for reading (an exact percentile first folds pending
 * histogram bins in), and the same snapshot may be handed to several concurrent requests and the
 * history sampler, so every view of it is computed here, one at a time. Thread-safe.
 */
final class SnapshotReader {

  /** A view computed from one snapshot. */
  @FunctionalInterface
  interface View<T> {
    T render(MasterSnapshot snapshot) throws IOException;
  }

  private final MasterControl control;

  SnapshotReader(MasterControl control) {
    this.control = control;
  }

  /** Renders {@code view} from the latest snapshot while holding the lock. */
  synchronized <T> T read(View<T> view) throws IOException {
    return view.render(control.snapshot());
  }
}
