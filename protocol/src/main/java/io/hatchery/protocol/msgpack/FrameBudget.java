package io.hatchery.protocol.msgpack;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.ProtocolException;
import org.msgpack.core.MessageUnpacker;

/**
 * The {@link DecodeLimits} of one frame as a budget that {@link MsgpackReader} draws on: every
 * declared length and element count is checked against the limits and the bytes remaining before
 * anything is allocated, and every value read is charged against the frame's total.
 *
 * <p>Not thread-safe: one budget per reader.
 */
final class FrameBudget {
  private final int frameBytes;
  private final DecodeLimits limits;
  private final MessageUnpacker unpacker;
  private long elementsLeft;

  FrameBudget(int frameBytes, DecodeLimits limits, MessageUnpacker unpacker) {
    this.frameBytes = frameBytes;
    this.limits = limits;
    this.unpacker = unpacker;
    this.elementsLeft = limits.maxElements();
  }

  /** How many bytes of the frame have not been read yet. */
  long remainingBytes() {
    return frameBytes - unpacker.getTotalReadBytes();
  }

  /** The offset of the next byte to read. */
  long offset() {
    return unpacker.getTotalReadBytes();
  }

  /** Returns {@code declaredLength} of a str, bin or ext payload once it fits the frame. */
  int checkedLength(String kind, int declaredLength) throws ProtocolException {
    // msgpack-core reports str32/bin32/ext32 lengths above 2^31-1 as negative ints.
    if (declaredLength < 0 || declaredLength > remainingBytes()) {
      throw new ProtocolException(
          kind
              + " declares "
              + Integer.toUnsignedString(declaredLength)
              + " bytes but only "
              + remainingBytes()
              + " remain in the frame");
    }
    return declaredLength;
  }

  /**
   * Returns the {@code declaredCount} of an array or map at nesting level {@code depth} once it
   * fits the depth, size and value limits and the bytes remaining.
   *
   * @param valuesPerElement 1 for an array, 2 for a map (key and value)
   */
  int checkedCount(int depth, String kind, int declaredCount, int valuesPerElement)
      throws ProtocolException {
    if (depth > limits.maxDepth()) {
      throw new ProtocolException(
          kind + " at byte " + offset() + " nests deeper than the limit of " + limits.maxDepth());
    }
    long count = Integer.toUnsignedLong(declaredCount);
    if (count > limits.maxCollectionSize()) {
      throw new ProtocolException(
          kind
              + " declares "
              + count
              + " elements, more than the limit of "
              + limits.maxCollectionSize());
    }
    long values = count * valuesPerElement;
    // Every value takes at least one byte, so a count larger than the bytes left is a lie.
    if (values > remainingBytes()) {
      throw new ProtocolException(
          kind
              + " declares "
              + count
              + " elements but only "
              + remainingBytes()
              + " bytes remain in the frame");
    }
    if (values > elementsLeft) {
      throw new ProtocolException(
          kind
              + " declares "
              + count
              + " elements, exceeding the frame's budget of "
              + limits.maxElements()
              + " values");
    }
    return (int) count;
  }

  /** Charges {@code values} values read against the frame's total. */
  void charge(long values) throws ProtocolException {
    elementsLeft -= values;
    if (elementsLeft < 0) {
      throw new ProtocolException(
          "frame holds more than the limit of " + limits.maxElements() + " values");
    }
  }
}
