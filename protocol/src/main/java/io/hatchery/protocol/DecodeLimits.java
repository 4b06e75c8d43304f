package io.hatchery.protocol;

/**
 * Bounds applied while decoding one frame, so that a hostile or broken peer can cost at most a
 * known amount of memory and stack.
 *
 * <p>Every length a frame declares (str, bin, ext, array and map headers) is checked against these
 * limits and against the bytes actually left in the frame <em>before</em> anything is allocated.
 * Immutable and thread-safe.
 *
 * @param maxFrameBytes largest accepted frame, in bytes
 * @param maxDepth deepest accepted container nesting; the envelope array itself is level 1
 * @param maxCollectionSize most elements in one array, or entries in one map
 * @param maxElements most values (scalars and containers, map keys included) in the whole frame
 */
public record DecodeLimits(
    int maxFrameBytes, int maxDepth, int maxCollectionSize, int maxElements) {

  /**
   * Hard ceiling for {@link #maxDepth}: the decoder recurses once per level, and 512 frames of it
   * fit comfortably in the smallest default thread stack.
   */
  public static final int DEPTH_CEILING = 512;

  /**
   * Defaults sized for Locust traffic. A 100-class, 100-name stats report is about 59 KB; recorded
   * 2.12.1 reports average 8 bytes and 50 values per entry, and nest at most 5 levels (envelope,
   * data, stats list, entry, response_times).
   */
  public static final DecodeLimits DEFAULT =
      new DecodeLimits(
          // 16 MiB: ~280x the 59 KB 100x100 stats report, still a small fraction of a worker heap.
          16 * 1024 * 1024,
          // 32: Locust's deepest core payload nests 5 levels; custom messages get 6x headroom.
          32,
          // 1 Mi: no Locust collection (stats list, response_times, parsed_options) comes close.
          1 << 20,
          // 1 Mi values: room for ~20,000 stats entries (unnamed dynamic URLs) in one report, while
          // a worst-case frame of empty maps retains about 72 MB (measured in DecodeLimitsTest).
          1 << 20);

  /** Validates that every limit is positive and that the depth stays under the ceiling. */
  public DecodeLimits {
    requirePositive("maxFrameBytes", maxFrameBytes);
    requirePositive("maxDepth", maxDepth);
    requirePositive("maxCollectionSize", maxCollectionSize);
    requirePositive("maxElements", maxElements);
    if (maxDepth > DEPTH_CEILING) {
      throw new IllegalArgumentException(
          "maxDepth " + maxDepth + " exceeds the ceiling " + DEPTH_CEILING);
    }
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
