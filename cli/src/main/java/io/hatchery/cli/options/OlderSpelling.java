package io.hatchery.cli.options;

/**
 * A spelling from Locust 0.x's documentation that still works, mapped to the current option.
 *
 * @param name the old spelling, e.g. {@code --hatch-rate} or {@code -c}
 * @param current the option it sets, or null when it is accepted and has no effect
 * @param impliedValue for an old flag that sets a current one (e.g. {@code --no-web} sets {@code
 *     --headless}), the value it sets; null when the old spelling takes a value
 * @param note the one-line deprecation note printed on stderr when it is used
 */
public record OlderSpelling(String name, LocustOption current, Object impliedValue, String note) {

  /** Returns whether the old spelling takes a value on the command line. */
  public boolean takesValue() {
    return current != null && impliedValue == null && current.type().takesValue();
  }

  /** The config-file key of a long spelling ({@code hatch-rate}); null for a short one. */
  public String configKey() {
    return name.startsWith("--") ? name.substring(2) : null;
  }
}
