package io.hatchery.protocol.golden;

import io.hatchery.protocol.msgpack.MsgpackExtension;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a decoded value into a form whose {@code equals} is exact: map entries are compared in
 * order (a {@link Map}'s own equals ignores order), byte arrays by content, and numbers by their
 * Java type ({@code Long 150} differs from {@code Double 150.0}; {@link Double#equals} tells {@code
 * -0.0} from {@code 0.0}).
 */
final class ExactValues {
  private ExactValues() {}

  /** A map as its entries in iteration order: key, value, key, value, ... */
  record OrderedMap(List<Object> keysAndValues) {}

  /** A byte array (msgpack bin) by content. */
  record Bin(String hex) {}

  /** A msgpack ext value by content. */
  record Ext(byte type, String hex) {}

  static Object of(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<Object> keysAndValues = new ArrayList<>(2 * map.size());
      map.forEach(
          (key, item) -> {
            keysAndValues.add(of(key));
            keysAndValues.add(of(item));
          });
      return new OrderedMap(keysAndValues);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(of(item)));
      return copy;
    }
    if (value instanceof byte[] bytes) {
      return new Bin(HexFormat.of().formatHex(bytes));
    }
    if (value instanceof MsgpackExtension ext) {
      return new Ext(ext.type(), HexFormat.of().formatHex(ext.data()));
    }
    return value;
  }
}
