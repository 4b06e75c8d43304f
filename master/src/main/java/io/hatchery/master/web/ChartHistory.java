package io.hatchery.master.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The chart history the master keeps for the page and the HTML report, so that a reload or a late
 * browser sees the whole run. Bounded: once {@code capacity} points are held, every other point is
 * dropped and from then on only every second sample is kept (the stride doubles again each time it
 * fills), so a run of any length costs at most {@code capacity} points at a coarser resolution.
 * Locust 2.12.1 instead keeps an unbounded list (issue #2045).
 *
 * <p>Thread-safety: safe for concurrent use (one sampler adds, any number of readers copy).
 */
public final class ChartHistory {

  /** Six hours at the default 2-second interval before the first thinning. */
  public static final int DEFAULT_CAPACITY = 10_800;

  private final int capacity;
  private final List<HistoryPoint> points = new ArrayList<>();
  private long stride = 1;
  private long offered;

  /**
   * Creates an empty history.
   *
   * @param capacity the most points ever held, &ge; 2
   */
  public ChartHistory(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be >= 2: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Offers a sample; it is kept when it falls on the current stride. */
  public synchronized void add(HistoryPoint point) {
    if (offered++ % stride != 0) {
      return;
    }
    if (points.size() == capacity) {
      List<HistoryPoint> kept = new ArrayList<>(capacity / 2 + 1);
      for (int i = 0; i < points.size(); i += 2) {
        kept.add(points.get(i));
      }
      points.clear();
      points.addAll(kept);
      stride *= 2;
      if ((offered - 1) % stride != 0) {
        return;
      }
    }
    points.add(point);
  }

  /** Returns a copy of the points, oldest first. */
  public synchronized List<HistoryPoint> points() {
    return List.copyOf(points);
  }

  /** Forgets every point (Locust's reset clears history with the stats). */
  public synchronized void clear() {
    points.clear();
    stride = 1;
    offered = 0;
  }

  /** How many samples are offered per point kept: 1 until the first thinning. */
  public synchronized long stride() {
    return stride;
  }
}
