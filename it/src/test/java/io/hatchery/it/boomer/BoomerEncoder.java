package io.hatchery.it.boomer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Encodes messages the way Boomer does (ugorji {@code codec} v1.2.8 {@code MsgpackHandle} with only
 * {@code StructToArray}, protocol.md §2.2), which differs from Python's msgpack 1.0:
 *
 * <ul>
 *   <li>strings in the legacy raw forms only: fixstr up to 31 bytes, then str16 ({@code 0xda}) and
 *       str32 ({@code 0xdb}), never str8 ({@code 0xd9});
 *   <li>integers signed: positive fixint up to 127, then int16/int32/int64 ({@code 0xd1..0xd3}),
 *       never uint8..uint64 and never int8 for a positive value; negatives as negative fixint or
 *       int8..int64;
 *   <li>floats always float64;
 *   <li>maps in Go's randomised iteration order (here: shuffled with the given seed).
 * </ul>
 *
 * <p>Values: {@code null}, Boolean, Integer/Long, Double, String, {@code Map} (string keys or
 * numeric keys), {@code List}. Not thread-safe (the shuffle's random state).
 */
final class BoomerEncoder {
  private final Random mapOrder;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /**
   * @param seed seeds the map-order shuffle, so a failing run can be replayed
   */
  BoomerEncoder(long seed) {
    this.mapOrder = new Random(seed);
  }

  /** Encodes the 3-element envelope {@code [type, data, nodeId]}. */
  byte[] encode(String type, Object data, String nodeId) {
    out.reset();
    writeArrayHeader(3);
    write(type);
    write(data);
    write(nodeId);
    return out.toByteArray();
  }

  /** Encodes one value on its own (for byte-level tests). */
  byte[] encodeValue(Object value) {
    out.reset();
    write(value);
    return out.toByteArray();
  }

  private void write(Object value) {
    switch (value) {
      case null -> out.write(0xc0);
      case Boolean b -> out.write(b ? 0xc3 : 0xc2);
      case Integer i -> writeInt(i);
      case Long l -> writeInt(l);
      case Double d -> writeFloat64(d);
      case String s -> writeString(s);
      case Map<?, ?> map -> writeMap(map);
      case List<?> list -> {
        writeArrayHeader(list.size());
        list.forEach(this::write);
      }
      default -> throw new IllegalArgumentException("Boomer never sends " + value.getClass());
    }
  }

  private void writeInt(long value) {
    if (value > Byte.MAX_VALUE) {
      if (value <= Short.MAX_VALUE) {
        out.write(0xd1);
        writeBigEndian(value, 2);
      } else if (value <= Integer.MAX_VALUE) {
        out.write(0xd2);
        writeBigEndian(value, 4);
      } else {
        out.write(0xd3);
        writeBigEndian(value, 8);
      }
    } else if (value >= -32) {
      out.write((int) value & 0xff);
    } else if (value >= Byte.MIN_VALUE) {
      out.write(0xd0);
      writeBigEndian(value, 1);
    } else if (value >= Short.MIN_VALUE) {
      out.write(0xd1);
      writeBigEndian(value, 2);
    } else if (value >= Integer.MIN_VALUE) {
      out.write(0xd2);
      writeBigEndian(value, 4);
    } else {
      out.write(0xd3);
      writeBigEndian(value, 8);
    }
  }

  private void writeFloat64(double value) {
    out.write(0xcb);
    writeBigEndian(Double.doubleToLongBits(value), 8);
  }

  private void writeString(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 31) {
      out.write(0xa0 | bytes.length);
    } else if (bytes.length <= 0xffff) {
      out.write(0xda);
      writeBigEndian(bytes.length, 2);
    } else {
      out.write(0xdb);
      writeBigEndian(bytes.length, 4);
    }
    out.writeBytes(bytes);
  }

  private void writeMap(Map<?, ?> map) {
    int size = map.size();
    if (size <= 15) {
      out.write(0x80 | size);
    } else if (size <= 0xffff) {
      out.write(0xde);
      writeBigEndian(size, 2);
    } else {
      out.write(0xdf);
      writeBigEndian(size, 4);
    }
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    Collections.shuffle(entries, mapOrder);
    for (Map.Entry<?, ?> entry : entries) {
      write(entry.getKey());
      write(entry.getValue());
    }
  }

  private void writeArrayHeader(int size) {
    if (size <= 15) {
      out.write(0x90 | size);
    } else if (size <= 0xffff) {
      out.write(0xdc);
      writeBigEndian(size, 2);
    } else {
      out.write(0xdd);
      writeBigEndian(size, 4);
    }
  }

  private void writeBigEndian(long value, int bytes) {
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift) & 0xff);
    }
  }
}
