package io.hatchery.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports Hatchery's version from the jar manifest, the way {@code locust -V} prints its own. */
public final class Versions implements IVersionProvider {
  /** The version in the jar manifest, or {@code "dev"} when running from compiled classes. */
  public static String hatcheryVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version != null ? version : "dev";
  }

  @Override
  public String[] getVersion() {
    return new String[] {"hatchery " + hatcheryVersion() + " (Java " + Runtime.version() + ")"};
  }
}
