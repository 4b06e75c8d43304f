package io.hatchery.worker.load;

import java.nio.file.Path;

/**
 * A main class for {@link ScenarioLoaderInJarIT}: loads {@code -f} (the first argument, default
 * {@code locustfile}) from the working directory the way the CLI will, prints the {@code -l}
 * listing and the first user's {@code run()} result, or the load error and exit code 1.
 */
public final class LoaderProbe {
  private LoaderProbe() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    try {
      LoadedScenario scenario =
          ScenarioFiles.loader().load(args.length > 0 ? args[0] : null, Path.of(""));
      System.out.print(UserClassListing.format(scenario.userClassNames()));
      System.out.println(ScenarioFiles.run(scenario.userClasses().get(0)));
    } catch (ScenarioLoadException e) {
      System.err.print(e.getMessage());
      System.exit(1);
    }
  }
}
