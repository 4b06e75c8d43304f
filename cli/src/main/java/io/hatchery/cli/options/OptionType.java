package io.hatchery.cli.options;

/**
 * How an option's value is written and converted, mirroring the argparse actions Locust 2.12.1
 * uses: {@code store_true} ({@link #FLAG}), {@code type=int}, {@code type=float}, plain strings and
 * {@code nargs="*"} ({@link #LIST}).
 */
public enum OptionType {
  /** No value on the command line; {@code true/yes/1} or {@code false/no/0} in files and env. */
  FLAG,
  /** A string, kept as written. */
  TEXT,
  /** A Python {@code int}: optional sign and decimal digits. */
  INT,
  /** A Python {@code float}. */
  FLOAT,
  /** Zero or more words ({@code nargs="*"}); {@code [a, b]} in files and env. */
  LIST;

  /** Returns whether the option consumes a value on the command line. */
  public boolean takesValue() {
    return this != FLAG;
  }
}
