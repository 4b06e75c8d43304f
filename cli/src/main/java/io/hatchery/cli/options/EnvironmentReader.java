package io.hatchery.cli.options;

import java.util.Map;

/**
 * Reads the {@code LOCUST_*} environment variables of {@link LocustOption} (and Locust's {@code
 * LOCUST_HATCH_RATE}) from an injected map, with configargparse's conversions: flags true/false,
 * lists as {@code [a, b]} or one word.
 */
final class EnvironmentReader {
  private EnvironmentReader() {}

  static SourceValues read(Map<String, String> env) throws UsageException {
    SourceValues source = new SourceValues();
    String hatchRate = env.get(OlderSpellings.HATCH_RATE_ENV);
    if (hatchRate != null) {
      OlderSpelling older = OlderSpellings.byName("--hatch-rate").orElseThrow();
      source.note(older.note());
      source.set(LocustOption.SPAWN_RATE, OptionValues.convert(LocustOption.SPAWN_RATE, hatchRate));
    }
    for (LocustOption option : LocustOption.values()) {
      if (option.envVar().isEmpty()) {
        continue;
      }
      String value = env.get(option.envVar().get());
      if (value != null) {
        source.set(option, ConfigFileReader.convert(option, option.envVar().get(), value, null));
      }
    }
    return source;
  }
}
