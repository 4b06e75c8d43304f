package io.hatchery.cli.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one source (a config file, the environment or the command line) sets: converted values by
 * option, the positional user classes (command line only) and the deprecation notes it caused.
 * Mutable while its reader fills it; then only read.
 */
final class SourceValues {
  final Map<LocustOption, Object> values = new EnumMap<>(LocustOption.class);
  final List<String> positionals = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  /** Sets {@code option} (a null value leaves it unset, as a false flag does) and notes why. */
  void set(LocustOption option, Object value) {
    if (value != null) {
      values.put(option, value);
    }
  }

  void note(String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }

  Map<LocustOption, Object> view() {
    return Collections.unmodifiableMap(values);
  }
}
