package io.hatchery.master.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the master's options into the {@code parsed_options} map every {@code spawn} carries:
 * secrets left out, values restricted to what every peer decodes.
 *
 * <p>Secrets: any key naming a password, secret, token, credential or auth setting (Locust 2.12.1
 * sends {@code web_auth: "user:password"} to every worker, even a rogue one; reliability.md §3).
 * Values: Locust4j's decoder reads integers as int32, arrays only of strings and maps with string
 * keys, and no bin/ext (protocol.md §8.3 #18); so integers outside int32 become floats, lists with
 * a non-string become lists of their string forms, other types become their {@code toString()}.
 * Thread-safety: stateless.
 */
public final class ParsedOptions {
  private static final Set<String> SECRET_WORDS =
      Set.of("password", "passwd", "secret", "token", "auth", "credential", "api_key", "private");

  private ParsedOptions() {}

  /** Returns a new map in the order of {@code options}, without secrets, with safe values. */
  public static Map<String, Object> sanitize(Map<String, ?> options) {
    Map<String, Object> safe = new LinkedHashMap<>();
    options.forEach(
        (key, value) -> {
          if (key != null && !isSecret(key)) {
            safe.put(key, value(value));
          }
        });
    return safe;
  }

  /** Returns whether an option of this name may hold a secret. */
  public static boolean isSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(lower::contains);
  }

  private static Object value(Object value) {
    return switch (value) {
      case null -> null;
      case Boolean b -> b;
      case String s -> s;
      case Byte b -> b.longValue();
      case Short s -> s.longValue();
      case Integer i -> i.longValue();
      case Long l ->
          l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) l : (Object) l.doubleValue();
      case Float f -> f.doubleValue();
      case Double d -> d;
      case Number n -> n.doubleValue();
      case Enum<?> e -> e.name().toLowerCase(Locale.ROOT);
      case Map<?, ?> m -> nested(m);
      case List<?> list -> strings(list);
      case Object[] array -> strings(List.of(array));
      default -> value.toString();
    };
  }

  private static Map<String, Object> nested(Map<?, ?> map) {
    Map<String, Object> safe = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (key != null && !isSecret(key.toString())) {
            safe.put(key.toString(), value(value));
          }
        });
    return safe;
  }

  private static List<Object> strings(List<?> list) {
    List<Object> strings = new ArrayList<>(list.size());
    for (Object element : list) {
      if (element != null) {
        strings.add(element.toString());
      }
    }
    return strings;
  }
}
