package io.hatchery.cli.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves the settings from every source with Locust 2.12.1's precedence (verified against
 * ConfigArgParse): {@code ~/.locust.conf} &lt; {@code ./locust.conf} &lt; {@code --config FILE}
 * &lt; {@code LOCUST_*} environment &lt; command line. A source that sets an option replaces it
 * entirely (lists are not joined); a flag set to false in a source does not unset it from a lower
 * source (use {@code --headful} to cancel {@code headless}). With {@code -h} no file is read.
 *
 * <pre>{@code
 * Settings settings = new ConfigSources(homeDir, workingDir, System.getenv()).resolve(args);
 * }</pre>
 *
 * <p>The home directory, working directory and environment are injected so tests never read the
 * real ones. Thread-safety: immutable.
 */
public final class ConfigSources {
  /**
   * The file read from the home directory (Locust's docs say {@code ~/locust.conf}; code reads
   * this).
   */
  public static final String HOME_FILE = ".locust.conf";

  /** The file read from the working directory. */
  public static final String WORKING_DIR_FILE = "locust.conf";

  private final Path homeDir;
  private final Path workingDir;
  private final Map<String, String> env;

  public ConfigSources(Path homeDir, Path workingDir, Map<String, String> env) {
    this.homeDir = Objects.requireNonNull(homeDir, "homeDir");
    this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
    this.env = Map.copyOf(env);
  }

  /**
   * Reads every source and merges them; does not validate combinations ({@link
   * SettingsValidation}).
   *
   * @throws UsageException for an unknown option or key, or a malformed value
   */
  public Settings resolve(List<String> args) throws UsageException {
    SourceValues commandLine = new CommandLineReader().read(args);
    List<SourceValues> lowestFirst = new ArrayList<>();
    if (!commandLine.values.containsKey(LocustOption.HELP)) {
      lowestFirst.add(ConfigFileReader.read(homeDir.resolve(HOME_FILE)));
      lowestFirst.add(ConfigFileReader.read(workingDir.resolve(WORKING_DIR_FILE)));
      Object config = commandLine.values.get(LocustOption.CONFIG);
      if (config != null) {
        Path file = workingDir.resolve((String) config);
        if (!file.toFile().isFile()) {
          throw UsageException.parse("File not found: " + config);
        }
        lowestFirst.add(ConfigFileReader.read(file));
      }
    }
    lowestFirst.add(EnvironmentReader.read(env));
    lowestFirst.add(commandLine);
    Map<LocustOption, Object> merged = new EnumMap<>(LocustOption.class);
    List<String> notes = new ArrayList<>();
    for (SourceValues source : lowestFirst) {
      merged.putAll(source.values);
      source.notes.stream().filter(n -> !notes.contains(n)).forEach(notes::add);
    }
    return new Settings(merged, commandLine.positionals, notes);
  }
}
