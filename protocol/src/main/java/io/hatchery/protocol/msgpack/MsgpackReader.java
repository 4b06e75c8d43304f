package io.hatchery.protocol.msgpack;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.ProtocolException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageSizeException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Reads msgpack values from one frame into plain Java values, within {@link DecodeLimits}.
 *
 * <p>The value mapping: nil to {@code null}; bool to {@link Boolean}; every int width to {@link
 * Long}, except a uint64 above {@link Long#MAX_VALUE}, which becomes {@link BigInteger}; float32
 * and float64 to {@link Double}; str to {@link String} (invalid UTF-8 is rejected, as Python's
 * {@code raw=False} does); bin to {@code byte[]}; array to a mutable {@link ArrayList}; map to a
 * mutable {@link LinkedHashMap} in wire order with keys of any of these types; ext to {@link
 * MsgpackExtension}; a Locust datetime map to {@link LocalDateTime} (see {@link LocustDateTime}).
 *
 * <p>Every declared length is checked against the limits and the bytes remaining before anything is
 * allocated (see {@link FrameBudget}), and any failure, whatever the bytes, is a {@link
 * ProtocolException}. Not thread-safe: one reader per frame, used by one thread.
 */
public final class MsgpackReader {
  /**
   * Most distinct keys of one map that may share a hash code. Java's HashMap searches linearly
   * among same-hash keys of different types (Long and Double, say), so a peer sending 100,000 of
   * them would cost minutes of CPU; Locust's maps never have two.
   */
  static final int MAX_KEYS_PER_HASH = 16;

  private final MessageUnpacker unpacker;
  private final FrameBudget budget;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /**
   * Creates a reader over {@code frame}, which it does not copy.
   *
   * @throws ProtocolException if the frame is larger than {@link DecodeLimits#maxFrameBytes()}
   */
  public MsgpackReader(byte[] frame, DecodeLimits limits) throws ProtocolException {
    if (frame.length > limits.maxFrameBytes()) {
      throw new ProtocolException(
          "frame of " + frame.length + " bytes exceeds the limit of " + limits.maxFrameBytes());
    }
    this.unpacker = MessagePack.newDefaultUnpacker(frame);
    this.budget = new FrameBudget(frame.length, limits, unpacker);
  }

  /** Returns how many bytes of the frame have not been read yet. */
  public long remainingBytes() {
    return budget.remainingBytes();
  }

  /** Returns the offset of the next byte to read. */
  public long offset() {
    return budget.offset();
  }

  /**
   * Reads an array header, counting it as a container at nesting level 1.
   *
   * @return the declared element count, already checked against the limits and remaining bytes
   * @throws ProtocolException if the next value is not an array or its header is out of bounds
   */
  public int readArrayHeader() throws ProtocolException {
    MessageFormat format = nextFormat();
    if (format.getValueType() != ValueType.ARRAY) {
      throw new ProtocolException(
          "expected an array at byte " + offset() + " but found " + describe(format));
    }
    budget.charge(1);
    return budget.checkedCount(1, "array", readHeader(format), 1);
  }

  /**
   * Reads a str value, or nil when {@code nilAllowed}.
   *
   * @param what names the value in error messages, e.g. "message type"
   */
  public String readString(String what, boolean nilAllowed) throws ProtocolException {
    MessageFormat format = nextFormat();
    if (nilAllowed && format == MessageFormat.NIL) {
      return (String) readValue(1);
    }
    if (format.getValueType() != ValueType.STRING) {
      throw new ProtocolException(
          what
              + " must be a msgpack str"
              + (nilAllowed ? " or nil" : "")
              + " but found "
              + describe(format)
              + " at byte "
              + offset());
    }
    return (String) readValue(1);
  }

  /**
   * Reads one complete value.
   *
   * @param parentDepth nesting level of the container holding this value (0 at top level)
   */
  public Object readValue(int parentDepth) throws ProtocolException {
    MessageFormat format = nextFormat();
    long start = offset();
    budget.charge(1);
    try {
      return switch (format.getValueType()) {
        case NIL -> {
          unpacker.unpackNil();
          yield null;
        }
        case BOOLEAN -> unpacker.unpackBoolean();
        case INTEGER -> readInteger(format);
        case FLOAT -> unpacker.unpackDouble();
        case STRING -> readUtf8(unpacker.unpackRawStringHeader());
        case BINARY ->
            unpacker.readPayload(budget.checkedLength("bin", unpacker.unpackBinaryHeader()));
        case ARRAY -> readArray(parentDepth + 1, unpacker.unpackArrayHeader());
        case MAP -> readMap(parentDepth + 1, unpacker.unpackMapHeader());
        case EXTENSION -> readExtension(unpacker.unpackExtensionTypeHeader());
      };
    } catch (MessagePackException | IOException e) {
      throw wrap(e, format, start);
    }
  }

  private Object readInteger(MessageFormat format) throws IOException {
    if (format == MessageFormat.UINT64) {
      BigInteger value = unpacker.unpackBigInteger();
      return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }
    return unpacker.unpackLong();
  }

  private String readUtf8(int declaredLength) throws IOException, ProtocolException {
    int length = budget.checkedLength("str", declaredLength);
    if (length == 0) {
      return "";
    }
    byte[] bytes = unpacker.readPayload(length);
    if (isAscii(bytes)) {
      // Nearly every Locust string is ASCII; the strict decoder is only needed beyond it.
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    try {
      return utf8.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ProtocolException(
          "str of " + length + " bytes ending at byte " + offset() + " is not valid UTF-8", e);
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private List<Object> readArray(int depth, int declaredCount)
      throws IOException, ProtocolException {
    int count = budget.checkedCount(depth, "array", declaredCount, 1);
    List<Object> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(readValue(depth));
    }
    return list;
  }

  private Object readMap(int depth, int declaredCount) throws IOException, ProtocolException {
    int count = budget.checkedCount(depth, "map", declaredCount, 2);
    Map<Object, Object> map = LinkedHashMap.newLinkedHashMap(count);
    KeyHashCounter keysPerHash = count > MAX_KEYS_PER_HASH ? new KeyHashCounter(count) : null;
    for (int i = 0; i < count; i++) {
      long keyOffset = offset();
      Object key = readValue(depth);
      int sizeBefore = map.size();
      map.put(key, readValue(depth));
      if (keysPerHash != null
          && map.size() > sizeBefore
          && keysPerHash.increment(Objects.hashCode(key)) > MAX_KEYS_PER_HASH) {
        throw new ProtocolException(
            "map key at byte "
                + keyOffset
                + " is the "
                + (MAX_KEYS_PER_HASH + 1)
                + "th with the same hash code (hash flooding)");
      }
    }
    LocalDateTime dateTime = count == 2 ? LocustDateTime.fromMap(map) : null;
    return dateTime != null ? dateTime : map;
  }

  private MsgpackExtension readExtension(ExtensionTypeHeader header)
      throws IOException, ProtocolException {
    int length = budget.checkedLength("ext", header.getLength());
    return new MsgpackExtension(header.getType(), unpacker.readPayload(length));
  }

  private int readHeader(MessageFormat format) throws ProtocolException {
    long start = offset();
    try {
      return unpacker.unpackArrayHeader();
    } catch (MessagePackException | IOException e) {
      throw wrap(e, format, start);
    }
  }

  /**
   * Translates msgpack-core's failure reading a {@code format} value that began at {@code start}.
   */
  private static ProtocolException wrap(Exception e, MessageFormat format, long start) {
    String value = describe(format) + " at byte " + start;
    if (e instanceof MessageInsufficientBufferException) {
      return new ProtocolException("frame truncated inside the " + value, e);
    }
    if (e instanceof MessageSizeException) {
      // msgpack-core refuses 32-bit sizes above 2^31-1; no frame within the limits holds that many.
      return new ProtocolException("the " + value + " declares a size above 2^31-1", e);
    }
    return new ProtocolException("malformed " + value + ": " + e.getMessage(), e);
  }

  private MessageFormat nextFormat() throws ProtocolException {
    if (remainingBytes() <= 0) {
      throw new ProtocolException("frame truncated: expected a value at byte " + offset());
    }
    MessageFormat format;
    try {
      format = unpacker.getNextFormat();
    } catch (MessagePackException | IOException e) {
      throw new ProtocolException("unreadable format byte at " + offset(), e);
    }
    if (format == MessageFormat.NEVER_USED) {
      throw new ProtocolException("byte 0xc1 at " + offset() + " is not a msgpack format");
    }
    return format;
  }

  private static String describe(MessageFormat format) {
    return format.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " value";
  }
}
