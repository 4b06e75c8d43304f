package io.hatchery.worker.load;

/**
 * A scenario could not be loaded: a missing file, directory or jar, an empty directory, an unknown
 * class name, no user class at all, or (as {@link CompilationFailedException}) a source that does
 * not compile. The message is complete and meant for the user as is; the CLI prints it and exits
 * with code 1, as Locust does when it cannot import a locustfile.
 */
public class ScenarioLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  public ScenarioLoadException(String message) {
    super(message);
  }

  public ScenarioLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
