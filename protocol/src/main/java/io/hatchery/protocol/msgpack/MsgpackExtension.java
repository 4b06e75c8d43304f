package io.hatchery.protocol.msgpack;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A msgpack ext value: an application-defined type code and its raw bytes.
 *
 * <p>Locust never sends ext values (its 2.20+ datetime encoding is a plain map, see {@link
 * LocustDateTime}); this record exists so that a peer that does can be decoded and re-encoded
 * without loss. Type -1 (msgpack's timestamp) is kept raw as well. Equality compares the bytes.
 * Immutable as long as {@code data} is not mutated.
 *
 * @param type the ext type code, -128..127
 * @param data the payload bytes
 */
public record MsgpackExtension(byte type, byte[] data) {
  public MsgpackExtension {
    Objects.requireNonNull(data, "data");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MsgpackExtension that
        && type == that.type
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "MsgpackExtension[type=" + type + ", data=" + HexFormat.of().formatHex(data) + "]";
  }
}
