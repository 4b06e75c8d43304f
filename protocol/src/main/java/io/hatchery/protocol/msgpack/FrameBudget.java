package io.hatchery.protocol.msgpack;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.ProtocolException;

/**
 * The {@link DecodeLimits} of one frame as a budget that {@link MsgpackReader} draws on: every
 * declared length and element count is checked against the limits and the bytes remaining before
 * anything is allocated, and every value read is charged against the frame's total.
 *
 * <p>Not thread-safe: one budget per reader.
 */
final class FrameBudget {
  private final DecodeLimits limits;
  private long elementsLeft;

  FrameBudget(DecodeLimits limits) {
    this.limits = limits;
    this.elementsLeft = limits.maxElements();
  }

  /**
   * Returns {@code declaredLength} of a str, bin or ext payload once it fits the {@code remaining}
   * bytes of the frame.
   */
  static int checkedLength(String kind, long declaredLength, int remaining)
      throws ProtocolException {
    if (declaredLength > remaining) {
      throw new ProtocolException(
          kind
              + " declares "
              + declaredLength
              + " bytes but only "
              + remaining
              + " remain in the frame");
    }
    return (int) declaredLength;
  }

  /**
   * Returns the {@code declaredCount} of an array or map at nesting level {@code depth}, whose
   * header ends at {@code offset}, once it fits the depth, size and value limits and the {@code
   * remaining} bytes.
   *
   * @param valuesPerElement 1 for an array, 2 for a map (key and value)
   */
  int checkedCount(
      int depth, String kind, long declaredCount, int valuesPerElement, int offset, int remaining)
      throws ProtocolException {
    if (depth > limits.maxDepth()) {
      throw new ProtocolException(
          kind + " at byte " + offset + " nests deeper than the limit of " + limits.maxDepth());
    }
    if (declaredCount > limits.maxCollectionSize()) {
      throw new ProtocolException(
          kind
              + " declares "
              + declaredCount
              + " elements, more than the limit of "
              + limits.maxCollectionSize());
    }
    long values = declaredCount * valuesPerElement;
    // Every value takes at least one byte, so a count larger than the bytes left is a lie.
    if (values > remaining) {
      throw new ProtocolException(
          kind
              + " declares "
              + declaredCount
              + " elements but only "
              + remaining
              + " bytes remain in the frame");
    }
    if (values > elementsLeft) {
      throw new ProtocolException(
          kind
              + " declares "
              + declaredCount
              + " elements, exceeding the frame's budget of "
              + limits.maxElements()
              + " values");
    }
    return (int) declaredCount;
  }

  /**
   * Charges {@code values} values against the frame's total: one value read at top level, or all
   * the elements of a container once its header is read.
   */
  void charge(long values) throws ProtocolException {
    elementsLeft -= values;
    if (elementsLeft < 0) {
      throw new ProtocolException(
          "frame holds more than the limit of " + limits.maxElements() + " values");
    }
  }
}
