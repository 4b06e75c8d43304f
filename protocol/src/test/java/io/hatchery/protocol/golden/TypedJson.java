package io.hatchery.protocol.golden;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatchery.protocol.msgpack.MsgpackExtension;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a golden twin written in typed JSON into the codec's Java value mapping.
 *
 * <p>The convention (written by {@code tools/golden/golden_io.py}, described in {@code
 * golden/2.12.1/README.md}): a number with a decimal point or exponent is a {@link Double}, any
 * other number a {@link Long} ({@link java.math.BigInteger} beyond the long range); {@code {"$map":
 * [[k, v], ...]}} is a map with non-string keys; {@code {"$bin": base64}} is {@code byte[]}; {@code
 * {"$ext": [type, base64]}} is a {@link MsgpackExtension}; other objects are maps with string keys.
 * Maps keep the order of the JSON text.
 */
final class TypedJson {
  private TypedJson() {}

  static Object toValue(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isFloatingPointNumber()) {
      return node.doubleValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(element -> list.add(toValue(element)));
      return list;
    }
    if (node.isObject()) {
      return toObjectValue(node);
    }
    throw new IllegalArgumentException("unexpected JSON node " + node.getNodeType());
  }

  private static Object toObjectValue(JsonNode node) {
    if (node.size() == 1 && node.has("$map")) {
      Map<Object, Object> map = new LinkedHashMap<>();
      node.get("$map").forEach(pair -> map.put(toValue(pair.get(0)), toValue(pair.get(1))));
      return map;
    }
    if (node.size() == 1 && node.has("$bin")) {
      return Base64.getDecoder().decode(node.get("$bin").textValue());
    }
    if (node.size() == 1 && node.has("$ext")) {
      JsonNode ext = node.get("$ext");
      return new MsgpackExtension(
          (byte) ext.get(0).intValue(), Base64.getDecoder().decode(ext.get(1).textValue()));
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    node.properties().forEach(field -> map.put(field.getKey(), toValue(field.getValue())));
    return map;
  }
}
