package io.hatchery.bench.worker;

import io.hatchery.Environment;

/** The benchmark's options as the user classes read them from the environment. */
final class BenchOptions {

  /** The parsed-options key of the request path. */
  static final String PATH = "path";

  private BenchOptions() {}

  static String path(Environment environment) {
    Object path = environment.parsedOptions().get(PATH);
    return path == null ? "/index.html" : path.toString();
  }
}
