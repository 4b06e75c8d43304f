package io.hatchery.protocol.msgpack;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.ProtocolException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.msgpack.core.MessageFormat;

/**
 * Reads msgpack values from one frame into plain Java values, within {@link DecodeLimits}.
 *
 * <p>The value mapping: nil to {@code null}; bool to {@link Boolean}; every int width to {@link
 * Long}, except a uint64 above {@link Long#MAX_VALUE}, which becomes {@link BigInteger}; float32
 * and float64 to {@link Double}; str to {@link String} (invalid UTF-8 is rejected, as Python's
 * {@code raw=False} does); bin to {@code byte[]}; array to a mutable {@link ArrayList}; map to a
 * mutable, insertion-ordered {@link java.util.Map} in wire order with keys of any of these types
 * ({@link MsgpackMap}, which behaves as a {@code LinkedHashMap}); ext to {@link MsgpackExtension};
 * a Locust datetime map to {@link LocalDateTime} (see {@link LocustDateTime}).
 *
 * <p>Every declared length is checked against the limits and the bytes remaining before anything is
 * allocated (see {@link FrameBudget}), and any failure, whatever the bytes, is a {@link
 * ProtocolException}. Parses the frame's bytes in place, big-endian by index (the msgpack spec);
 * short ASCII strings and repeated numbers come from {@link StringCache} and {@link BoxCache}. Not
 * thread-safe: one reader per frame, used by one thread.
 */
public final class MsgpackReader {
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final byte[] frame;
  private final DecodeLimits limits;
  private final FrameBudget budget;
  private int pos;

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
    this.frame = frame;
    this.limits = limits;
    this.budget = new FrameBudget(limits);
  }

  /** The limits this reader enforces. */
  public DecodeLimits limits() {
    return limits;
  }

  /** Returns how many bytes of the frame have not been read yet. */
  public long remainingBytes() {
    return frame.length - pos;
  }

  /** Returns the offset of the next byte to read. */
  public long offset() {
    return pos;
  }

  /**
   * Reads an array header, counting it as a container at nesting level 1.
   *
   * @return the declared element count, already checked against the limits and remaining bytes
   * @throws ProtocolException if the next value is not an array or its header is out of bounds
   */
  public int readArrayHeader() throws ProtocolException {
    long count = declaredCount(false);
    budget.charge(1);
    return budget.checkedCount(1, "array", count, 1, pos, remaining());
  }

  /**
   * Reads the header of an array ({@code map} false) or a map: the element or pair count it
   * declares, not yet checked.
   */
  private long declaredCount(boolean map) throws ProtocolException {
    int start = pos;
    int b = peekFormat();
    int fix = map ? 0x80 : 0x90;
    int wide = map ? 0xde : 0xdc;
    if (b >= fix && b <= fix + 0x0f) {
      pos++;
      return b & 0x0f;
    } else if (b == wide || b == wide + 1) {
      pos++;
      return b == wide ? readU16(start) : readLength32(start);
    }
    throw new ProtocolException(
        "expected "
            + (map ? "a map" : "an array")
            + " at byte "
            + start
            + " but found "
            + formatOf(start)
            + " value");
  }

  /**
   * Reads a str value, or nil when {@code nilAllowed}.
   *
   * @param what names the value in error messages, e.g. "message type"
   */
  public String readString(String what, boolean nilAllowed) throws ProtocolException {
    int b = peekFormat();
    boolean str = (b >= 0xa0 && b <= 0xbf) || (b >= 0xd9 && b <= 0xdb);
    if (!str && !(nilAllowed && b == 0xc0)) {
      throw new ProtocolException(
          what
              + " must be a msgpack str"
              + (nilAllowed ? " or nil" : "")
              + " but found "
              + formatOf(pos)
              + " value at byte "
              + pos);
    }
    return (String) readValue(1);
  }

  // Streaming reads, for typed readers of one message's data (see MessageCodec.DataReader). A
  // container header charges the budget for all its elements, so the element reads below do not
  // charge again, exactly as the generic decoding of the same container would charge it.

  /** Whether the next value is nil. */
  public boolean nextIsNil() throws ProtocolException {
    return peekFormat() == 0xc0;
  }

  /** Whether the next value is an int of any width. */
  public boolean nextIsInt() throws ProtocolException {
    int b = peekFormat();
    return b <= 0x7f || b >= 0xe0 || isWideInt(b);
  }

  /** Whether the next value is a float32 or float64. */
  public boolean nextIsFloat() throws ProtocolException {
    int b = peekFormat();
    return b == 0xca || b == 0xcb;
  }

  /** Whether the next value is a str. */
  public boolean nextIsString() throws ProtocolException {
    int b = peekFormat();
    return (b >= 0xa0 && b <= 0xbf) || (b >= 0xd9 && b <= 0xdb);
  }

  /** Whether the next value is a map. */
  public boolean nextIsMap() throws ProtocolException {
    int b = peekFormat();
    return (b >= 0x80 && b <= 0x8f) || b == 0xde || b == 0xdf;
  }

  /** Whether the next value is an array. */
  public boolean nextIsArray() throws ProtocolException {
    int b = peekFormat();
    return (b >= 0x90 && b <= 0x9f) || b == 0xdc || b == 0xdd;
  }

  /** Whether the next value is a bin. */
  public boolean nextIsBin() throws ProtocolException {
    int b = peekFormat();
    return b >= 0xc4 && b <= 0xc6;
  }

  /**
   * Reads a map header for a map at nesting level {@code depth} and charges its keys and values.
   *
   * @return the number of key/value pairs, checked against the limits and the bytes remaining
   */
  public int readMapHeader(int depth) throws ProtocolException {
    long count = declaredCount(true);
    int checked = budget.checkedCount(depth, "map", count, 2, pos, remaining());
    budget.charge(2L * checked);
    return checked;
  }

  /**
   * Reads an array header for an array at nesting level {@code depth} and charges its elements.
   *
   * @return the number of elements, checked against the limits and the bytes remaining
   */
  public int readArrayHeader(int depth) throws ProtocolException {
    long count = declaredCount(false);
    int checked = budget.checkedCount(depth, "array", count, 1, pos, remaining());
    budget.charge(checked);
    return checked;
  }

  /**
   * Reads an int of any width as a {@code long}, without boxing; a uint64 above {@link
   * Long#MAX_VALUE} fails.
   */
  public long readInt() throws ProtocolException {
    int start = pos;
    int b = peekFormat();
    if (b <= 0x7f || b >= 0xe0) {
      pos = start + 1;
      return (byte) b; // a positive or negative fixint
    }
    pos = start + 1;
    return switch (b) {
      case 0xcc -> readU8(start);
      case 0xcd -> readU16(start);
      case 0xce -> readLength32(start);
      case 0xcf -> {
        long value = (long) LONG.get(frame, advance(8, start));
        if (value < 0) {
          throw new ProtocolException(
              "uint64 " + Long.toUnsignedString(value) + " does not fit a signed 64-bit value");
        }
        yield value;
      }
      case 0xd0 -> frame[advance(1, start)];
      case 0xd1 -> (short) SHORT.get(frame, advance(2, start));
      case 0xd2 -> (int) INT.get(frame, advance(4, start));
      case 0xd3 -> (long) LONG.get(frame, advance(8, start));
      default -> {
        pos = start;
        throw new ProtocolException("expected an int but found " + describe(start));
      }
    };
  }

  /** Reads a float32 or float64. */
  public double readFloat() throws ProtocolException {
    int start = pos;
    int b = peekFormat();
    if (b == 0xcb) {
      pos = start + 1;
      return Double.longBitsToDouble((long) LONG.get(frame, advance(8, start)));
    } else if (b == 0xca) {
      pos = start + 1;
      return Float.intBitsToFloat((int) INT.get(frame, advance(4, start)));
    }
    throw new ProtocolException("expected a float but found " + describe(start));
  }

  /** Reads a str element (short ASCII ones come from {@link StringCache}). */
  public String readStringElement() throws ProtocolException {
    if (!nextIsString()) {
      throw new ProtocolException("expected a str but found " + describe(pos));
    }
    return (String) value(0);
  }

  /**
   * Reads the next value if it is a str of exactly the bytes {@code utf8} (fixstr or str8), and
   * returns true; otherwise reads nothing and returns false. Cheaper than reading the string when
   * the key that comes next is known, as in Locust's maps, whose keys come in a fixed order.
   */
  public boolean skipStringIfEquals(byte[] utf8) {
    int at = pos;
    int length = utf8.length;
    int header;
    if (length <= 31) {
      header = 1;
      if (at >= frame.length || frame[at] != (byte) (0xa0 | length)) {
        return false;
      }
    } else if (length <= 0xff) {
      header = 2;
      if (frame.length - at < 2 || frame[at] != (byte) 0xd9 || (frame[at + 1] & 0xff) != length) {
        return false;
      }
    } else {
      return false;
    }
    int from = at + header;
    if (frame.length - from < length) {
      return false;
    }
    if (!sameBytes(frame, from, utf8, length)) {
      return false;
    }
    pos = from + length;
    return true;
  }

  /**
   * Whether {@code frame[from, from + length)} holds {@code utf8}'s first {@code length} bytes,
   * both in bounds: eight bytes at a time, the last eight overlapping the ones before. Keys are 4
   * to 22 bytes long, too short for {@code Arrays.equals}' vectorized path to pay.
   */
  private static boolean sameBytes(byte[] frame, int from, byte[] utf8, int length) {
    if (length < Long.BYTES) {
      for (int i = 0; i < length; i++) {
        if (frame[from + i] != utf8[i]) {
          return false;
        }
      }
      return true;
    }
    int last = length - Long.BYTES;
    for (int i = 0; i < last; i += Long.BYTES) {
      if ((long) LONG.get(frame, from + i) != (long) LONG.get(utf8, i)) {
        return false;
      }
    }
    return (long) LONG.get(frame, from + last) == (long) LONG.get(utf8, last);
  }

  /**
   * Reads the next value if it is an int of any width that is at least 0, and returns it; otherwise
   * reads nothing and returns -1. One look at the format byte instead of {@link #nextIsInt()}'s and
   * {@link #readInt()}'s two, for the counts that make up most of a stats report.
   *
   * @throws ProtocolException if the frame ends before the int does, or it is a uint64 above {@link
   *     Long#MAX_VALUE}
   */
  public long readNonNegativeIntOrMinusOne() throws ProtocolException {
    int start = pos;
    if (start >= frame.length) {
      return -1;
    }
    int b = frame[start] & 0xff;
    if (b <= 0x7f) {
      pos = start + 1;
      return b; // a positive fixint
    }
    if (!isWideInt(b)) {
      return -1;
    }
    long value = readInt();
    if (value < 0) {
      pos = start;
      return -1;
    }
    return value;
  }

  /**
   * Reads pairs of a map whose header was read, as long as each key is a whole number and each
   * value an int of at least 0: the keys into {@code keys} and the values into {@code values}, from
   * index 0. A whole-number key is an int, or a float with an integral value below 2<sup>63</sup>
   * in magnitude, read as that value (Locust's {@code response_times} keys from 100 ms are floats
   * such as {@code 110.0}). Stops after {@code maxPairs} pairs or the arrays' length, or before the
   * first pair that is not such a pair, which it leaves unread. One call reads a run of a stats
   * report's counts (a bucket &rarr; count, an epoch second &rarr; count) with the position in a
   * local, where one {@link #readNonNegativeIntOrMinusOne} per key and value would store it and
   * load it back twice a pair.
   *
   * @return the number of pairs read; the position is after the last of them
   * @throws ProtocolException if the frame ends inside a pair, or an int is a uint64 above {@link
   *     Long#MAX_VALUE}
   */
  public int readCountPairs(long[] keys, long[] values, int maxPairs) throws ProtocolException {
    byte[] bytes = frame;
    int limit = Math.min(maxPairs, Math.min(keys.length, values.length));
    int at = pos;
    int read = 0;
    while (read < limit && at < bytes.length) {
      int pairStart = at;
      long key;
      byte b = bytes[at];
      if (b >= -32) {
        key = b; // a positive (0x00-0x7f) or negative (0xe0-0xff) fixint
        at++;
      } else if (isWideInt(b & 0xff)) {
        pos = at;
        key = readInt();
        at = pos;
      } else if (b == (byte) 0xcb || b == (byte) 0xca) {
        pos = at;
        double whole = readFloat();
        if (whole != Math.rint(whole) || !(Math.abs(whole) < 0x1p63)) {
          at = pairStart; // a fraction, NaN or an infinity: not a whole number
          break;
        }
        key = (long) whole;
        at = pos;
      } else {
        break;
      }
      if (at >= bytes.length) {
        pos = pairStart;
        throw new ProtocolException("frame truncated: expected a map value at byte " + at);
      }
      long value;
      b = bytes[at];
      if (b >= 0) {
        value = b; // a positive fixint
        at++;
      } else if (isWideInt(b & 0xff)) {
        pos = at;
        value = readInt();
        at = pos;
      } else {
        value = -1;
      }
      if (value < 0) {
        at = pairStart;
        break;
      }
      keys[read] = key;
      values[read] = value;
      read++;
    }
    pos = at;
    return read;
  }

  /** Whether the format byte {@code format} (0-255) is an int whose value follows it: 0xcc-0xd3. */
  private static boolean isWideInt(int format) {
    return format >= 0xcc && format <= 0xd3;
  }

  /** Reads a bin element into a new array. */
  public byte[] readBinElement() throws ProtocolException {
    if (!nextIsBin()) {
      throw new ProtocolException("expected a bin but found " + describe(pos));
    }
    return (byte[]) value(0);
  }

  /** Reads nil. */
  public void readNil() throws ProtocolException {
    if (!nextIsNil()) {
      throw new ProtocolException("expected nil but found " + describe(pos));
    }
    pos++;
  }

  /**
   * Reads one complete element of a container whose header already charged it, in the generic value
   * mapping.
   *
   * @param parentDepth nesting level of the container holding the element
   */
  public Object readElement(int parentDepth) throws ProtocolException {
    return value(parentDepth);
  }

  /**
   * Reads one complete value.
   *
   * @param parentDepth nesting level of the container holding this value (0 at top level)
   */
  public Object readValue(int parentDepth) throws ProtocolException {
    budget.charge(1);
    return value(parentDepth);
  }

  /**
   * Reads one value whose container already charged it to the budget. The formats of nearly every
   * value in a Locust message (fixint, fixstr, float64) are read here, small enough to inline.
   */
  private Object value(int parentDepth) throws ProtocolException {
    int at = pos;
    if (at < frame.length) {
      byte b = frame[at];
      if (b >= (byte) 0xe0) {
        // A positive (0x00-0x7f) or negative (0xe0-0xff) fixint: as a signed byte, -32 to 127.
        pos = at + 1;
        return Long.valueOf(b);
      } else if ((b & 0xe0) == 0xa0) {
        pos = at + 1;
        return readUtf8(b & 0x1f);
      } else if (b == (byte) 0xcb && frame.length - at > Long.BYTES) {
        pos = at + 1 + Long.BYTES;
        return BoxCache.boxDouble((long) LONG.get(frame, at + 1));
      }
    }
    return otherValue(parentDepth);
  }

  private Object otherValue(int parentDepth) throws ProtocolException {
    int start = pos;
    int b = peekFormat();
    pos = start + 1;
    if (b <= 0x7f || b >= 0xe0) {
      return Long.valueOf((byte) b);
    } else if (b >= 0xa0 && b <= 0xbf) {
      return readUtf8(b & 0x1f);
    } else if (b <= 0x8f) {
      return readMap(parentDepth + 1, b & 0x0f);
    } else if (b <= 0x9f) {
      return readArray(parentDepth + 1, b & 0x0f);
    }
    return switch (b) {
      case 0xc0 -> null;
      case 0xc2 -> Boolean.FALSE;
      case 0xc3 -> Boolean.TRUE;
      case 0xc4 -> readBytes("bin", readU8(start));
      case 0xc5 -> readBytes("bin", readU16(start));
      case 0xc6 -> readBytes("bin", readLength32(start));
      case 0xc7 -> readExtension(readU8(start), start);
      case 0xc8 -> readExtension(readU16(start), start);
      case 0xc9 -> readExtension(readLength32(start), start);
      case 0xca -> (double) Float.intBitsToFloat((int) INT.get(frame, advance(4, start)));
      case 0xcb -> BoxCache.boxDouble((long) LONG.get(frame, advance(8, start)));
      case 0xcc -> BoxCache.boxLong(readU8(start));
      case 0xcd -> BoxCache.boxLong(readU16(start));
      case 0xce -> BoxCache.boxLong(readLength32(start));
      case 0xcf -> readUint64(start);
      case 0xd0 -> BoxCache.boxLong(frame[advance(1, start)]);
      case 0xd1 -> BoxCache.boxLong((short) SHORT.get(frame, advance(2, start)));
      case 0xd2 -> BoxCache.boxLong((int) INT.get(frame, advance(4, start)));
      case 0xd3 -> BoxCache.boxLong((long) LONG.get(frame, advance(8, start)));
      case 0xd4, 0xd5, 0xd6, 0xd7, 0xd8 -> readExtension(1 << (b - 0xd4), start);
      case 0xd9 -> readUtf8(readU8(start));
      case 0xda -> readUtf8(readU16(start));
      case 0xdb -> readUtf8(readLength32(start));
      case 0xdc -> readArray(parentDepth + 1, readU16(start));
      case 0xdd -> readArray(parentDepth + 1, readLength32(start));
      case 0xde -> readMap(parentDepth + 1, readU16(start));
      case 0xdf -> readMap(parentDepth + 1, readLength32(start));
      default -> throw new ProtocolException("format byte " + b + " at " + start + " fell through");
    };
  }

  private List<Object> readArray(int depth, long declaredCount) throws ProtocolException {
    int count = budget.checkedCount(depth, "array", declaredCount, 1, pos, remaining());
    budget.charge(count);
    List<Object> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(value(depth));
    }
    return list;
  }

  private Object readMap(int depth, long declaredCount) throws ProtocolException {
    int count = budget.checkedCount(depth, "map", declaredCount, 2, pos, remaining());
    budget.charge(2L * count);
    MsgpackMap map = new MsgpackMap(count);
    for (int i = 0; i < count; i++) {
      int keyOffset = pos;
      Object key = value(depth);
      if (!map.putDecoded(key, value(depth))) {
        throw new ProtocolException(
            "map key at byte "
                + keyOffset
                + " is the "
                + (MsgpackMap.MAX_KEYS_PER_HASH + 1)
                + "th with the same hash code (hash flooding)");
      }
    }
    LocalDateTime dateTime = map.size() == 2 ? LocustDateTime.fromMap(map) : null;
    return dateTime != null ? dateTime : map;
  }

  private String readUtf8(long declaredLength) throws ProtocolException {
    int length = FrameBudget.checkedLength("str", declaredLength, remaining());
    int at = pos;
    pos += length;
    if (length == 0) {
      return "";
    }
    if (length <= StringCache.MAX_LENGTH) {
      String cached = StringCache.ascii(frame, at, length);
      if (cached != null) {
        return cached;
      }
    }
    try {
      // Strict, unlike new String(bytes, UTF_8), which would replace malformed input.
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(frame, at, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ProtocolException(
          "str of " + length + " bytes ending at byte " + pos + " is not valid UTF-8", e);
    }
  }

  private byte[] readBytes(String kind, long declaredLength) throws ProtocolException {
    int length = FrameBudget.checkedLength(kind, declaredLength, remaining());
    int at = pos;
    pos += length;
    return Arrays.copyOfRange(frame, at, at + length);
  }

  private MsgpackExtension readExtension(long declaredLength, int start) throws ProtocolException {
    byte type = frame[advance(1, start)];
    return new MsgpackExtension(type, readBytes("ext", declaredLength));
  }

  private Object readUint64(int start) throws ProtocolException {
    long value = (long) LONG.get(frame, advance(8, start));
    return value >= 0 ? BoxCache.boxLong(value) : new BigInteger(Long.toUnsignedString(value));
  }

  private int readU8(int start) throws ProtocolException {
    return frame[advance(1, start)] & 0xff;
  }

  private int readU16(int start) throws ProtocolException {
    return (short) SHORT.get(frame, advance(2, start)) & 0xffff;
  }

  /** Reads a 32-bit length or uint32, refusing lengths above 2^31-1 as msgpack-core does. */
  private long readLength32(int start) throws ProtocolException {
    long value = (int) INT.get(frame, advance(4, start)) & 0xffff_ffffL;
    int b = frame[start] & 0xff;
    if (value > Integer.MAX_VALUE && b != 0xce) {
      // No frame within the limits holds 2^31 bytes or values.
      throw new ProtocolException("the " + describe(start) + " declares a size above 2^31-1");
    }
    return value;
  }

  /** Skips {@code n} bytes of the value that began at {@code start}; returns where they began. */
  private int advance(int n, int start) throws ProtocolException {
    int at = pos;
    if (frame.length - at < n) {
      throw new ProtocolException("frame truncated inside the " + describe(start));
    }
    pos = at + n;
    return at;
  }

  /** Returns the next format byte, unread, once it is a msgpack format. */
  private int peekFormat() throws ProtocolException {
    if (pos >= frame.length) {
      throw new ProtocolException("frame truncated: expected a value at byte " + pos);
    }
    int b = frame[pos] & 0xff;
    if (b == 0xc1) {
      throw new ProtocolException("byte 0xc1 at " + pos + " is not a msgpack format");
    }
    return b;
  }

  private int remaining() {
    return frame.length - pos;
  }

  /** Names the value whose format byte is at {@code start}, e.g. "array32 value at byte 0". */
  private String describe(int start) {
    return formatOf(start) + " value at byte " + start;
  }

  /** Names the format of the byte at {@code at} as msgpack-core does, e.g. "fixstr". */
  private String formatOf(int at) {
    return MessageFormat.valueOf(frame[at]).name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
