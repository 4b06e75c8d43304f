package io.hatchery.protocol.payload;

import io.hatchery.protocol.ProtocolException;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Type checks shared by the payload records' {@code from} methods; each failure names the key. */
final class Payloads {
  private Payloads() {}

  static Map<?, ?> map(Object value, String what) throws ProtocolException {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new ProtocolException(what + " must be a map, got " + typeOf(value));
  }

  static Object required(Map<?, ?> map, String key, String what) throws ProtocolException {
    Object value = map.get(key);
    if (value == null && !map.containsKey(key)) {
      throw new ProtocolException(what + " lacks the mandatory key '" + key + "'");
    }
    return value;
  }

  static String string(Object value, String what) throws ProtocolException {
    if (value instanceof String text) {
      return text;
    }
    throw new ProtocolException(what + " must be a str, got " + typeOf(value));
  }

  static String nullableString(Object value, String what) throws ProtocolException {
    return value == null ? null : string(value, what);
  }

  /** Accepts an int or a float, as Python's number handling does. */
  static double number(Object value, String what) throws ProtocolException {
    return switch (value) {
      case Long l -> l;
      case Double d -> d;
      case BigInteger big -> big.doubleValue();
      case null, default ->
          throw new ProtocolException(what + " must be a number, got " + typeOf(value));
    };
  }

  /** Accepts an int, or a float with an integral value (Python compares 3 == 3.0). */
  static long integer(Object value, String what) throws ProtocolException {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
      return d.longValue();
    }
    throw new ProtocolException(what + " must be an int, got " + typeOf(value) + " " + value);
  }

  /** Returns {@code value} unchanged when it is nil, an int or a float. */
  static Number nullableNumber(Object value, String what) throws ProtocolException {
    return switch (value) {
      case null -> null;
      case Long l -> l;
      case Double d -> d;
      default ->
          throw new ProtocolException(what + " must be a number or nil, got " + typeOf(value));
    };
  }

  /** Copies a map with str keys, keeping wire order; values are not converted. */
  static Map<String, Object> stringKeyed(Object value, String what) throws ProtocolException {
    Map<?, ?> map = map(value, what);
    Map<String, Object> copy = LinkedHashMap.newLinkedHashMap(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      copy.put(string(entry.getKey(), "a key of " + what), entry.getValue());
    }
    return copy;
  }

  /** Copies a class-name to count map such as {@code user_classes_count}, keeping wire order. */
  static Map<String, Long> counts(Object value, String what) throws ProtocolException {
    Map<?, ?> map = map(value, what);
    Map<String, Long> copy = LinkedHashMap.newLinkedHashMap(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = string(entry.getKey(), "a key of " + what);
      copy.put(name, integer(entry.getValue(), what + "['" + name + "']"));
    }
    return copy;
  }

  /** Returns an unmodifiable copy of {@code map} that keeps its iteration order. */
  static <K, V> Map<K, V> frozen(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static String typeOf(Object value) {
    return value == null ? "nil" : value.getClass().getSimpleName();
  }
}
