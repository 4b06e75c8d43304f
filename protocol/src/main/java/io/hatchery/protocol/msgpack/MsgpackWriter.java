package io.hatchery.protocol.msgpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * Writes Java values as msgpack the way Python msgpack 1.0 ({@code use_bin_type=True}) writes the
 * equivalent Python values, so frames produced by Locust re-encode byte for byte.
 *
 * <p>{@code null} to nil; {@link Boolean} to bool; {@link Byte}, {@link Short}, {@link Integer},
 * {@link Long} and {@link BigInteger} to the smallest int encoding (non-negative values use
 * positive fixint or uint8..uint64, negative ones negative fixint or int8..int64); {@link Float}
 * and {@link Double} always to float64 (Python never writes float32); {@link String} to
 * fixstr/str8/str16/str32; {@code byte[]} to bin; {@link List} and {@code Object[]} to array;
 * {@link Map} to map in iteration order; {@link LocalDateTime} to Locust's datetime map; {@link
 * MsgpackExtension} to ext. Anything else, an int beyond uint64, a string with unpaired surrogates
 * or nesting deeper than {@link #MAX_DEPTH} (a cycle) is a programming error: {@link
 * IllegalArgumentException}.
 *
 * <p>Not thread-safe: one writer per frame.
 */
public final class MsgpackWriter {
  /** Deepest nesting written; deeper structures are almost surely cyclic. */
  public static final int MAX_DEPTH = 512;

  private final MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
  private final CharsetEncoder utf8 =
      StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** Appends an array header declaring {@code size} elements; the caller writes them next. */
  public MsgpackWriter writeArrayHeader(int size) {
    try {
      packer.packArrayHeader(size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Appends one complete value. */
  public MsgpackWriter writeValue(Object value) {
    try {
      write(value, 0);
    } catch (IOException e) {
      // MessageBufferPacker writes to memory only; an IOException here is a library bug.
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Returns the bytes written so far. */
  public byte[] toByteArray() {
    return packer.toByteArray();
  }

  private void write(Object value, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("value nests deeper than " + MAX_DEPTH + " (a cycle?)");
    }
    switch (value) {
      case null -> packer.packNil();
      case Boolean b -> packer.packBoolean(b);
      case Long l -> packer.packLong(l);
      case Integer i -> packer.packLong(i);
      case Short s -> packer.packLong(s);
      case Byte b -> packer.packLong(b);
      case BigInteger big -> writeBigInteger(big);
      case Double d -> packer.packDouble(d);
      case Float f -> packer.packDouble(f);
      case String s -> writeString(s);
      case byte[] bytes -> packer.packBinaryHeader(bytes.length).writePayload(bytes);
      case List<?> list -> writeList(list, depth);
      case Object[] array -> writeList(Arrays.asList(array), depth);
      case Map<?, ?> map -> writeMap(map, depth);
      case LocalDateTime dateTime -> writeMap(LocustDateTime.toMap(dateTime), depth);
      case MsgpackExtension ext ->
          packer.packExtensionTypeHeader(ext.type(), ext.data().length).writePayload(ext.data());
      default ->
          throw new IllegalArgumentException(
              "cannot encode " + value.getClass().getName() + " as msgpack");
    }
  }

  private void writeBigInteger(BigInteger value) throws IOException {
    if (value.bitLength() > Long.SIZE || (value.signum() < 0 && value.bitLength() >= Long.SIZE)) {
      throw new IllegalArgumentException(value + " does not fit msgpack int64/uint64");
    }
    packer.packBigInteger(value);
  }

  private void writeString(String text) throws IOException {
    if (!hasSurrogate(text)) {
      // Without surrogates the JDK's fast encoder is exact; only unpaired ones would be replaced.
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      packer.packRawStringHeader(bytes.length);
      packer.writePayload(bytes);
      return;
    }
    ByteBuffer encoded;
    try {
      encoded = utf8.encode(CharBuffer.wrap(text));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "string is not encodable as UTF-8 (unpaired surrogate)", e);
    }
    int length = encoded.remaining();
    packer.packRawStringHeader(length);
    packer.writePayload(encoded.array(), encoded.arrayOffset() + encoded.position(), length);
  }

  private static boolean hasSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private void writeList(List<?> list, int depth) throws IOException {
    packer.packArrayHeader(list.size());
    for (Object element : list) {
      write(element, depth + 1);
    }
  }

  private void writeMap(Map<?, ?> map, int depth) throws IOException {
    packer.packMapHeader(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      write(entry.getKey(), depth + 1);
      write(entry.getValue(), depth + 1);
    }
  }
}
