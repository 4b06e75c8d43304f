package io.hatchery.master.runner;

import io.hatchery.master.control.SwarmRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Checks a {@link SwarmRequest} before it is queued, so {@code MasterControl.start} can throw on
 * the caller's thread with a message fit for a user (Locust's {@code /swarm} answers such requests
 * with an error). Stateless.
 */
public final class SwarmRequests {
  private SwarmRequests() {}

  /**
   * @param knownClasses the user class names the master dispatches
   * @throws IllegalArgumentException for a negative user count, a spawn rate that is not finite and
   *     positive, an unknown user class or a host that is not an http(s) URL
   */
  public static void validate(SwarmRequest request, List<String> knownClasses) {
    if (request.userCount() < 0) {
      throw new IllegalArgumentException("Number of users must be >= 0: " + request.userCount());
    }
    double rate = request.spawnRatePerSecond();
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("Spawn rate must be a positive number: " + rate);
    }
    for (String name : request.userClasses()) {
      if (!knownClasses.contains(name)) {
        throw new IllegalArgumentException(
            "Unknown user class '" + name + "'; known: " + String.join(", ", knownClasses));
      }
    }
    request.host().ifPresent(SwarmRequests::checkHost);
    request
        .runTime()
        .ifPresent(
            t -> {
              if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("Run time must be positive: " + t);
              }
            });
  }

  private static void checkHost(String host) {
    URI uri;
    try {
      uri = URI.create(host);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Host is not a valid URL: " + host, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "Host must be an http(s) URL such as http://example.com: " + host);
    }
  }
}
