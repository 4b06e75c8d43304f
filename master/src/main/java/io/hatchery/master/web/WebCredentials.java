package io.hatchery.master.web;

import java.util.Objects;

/**
 * The one user name and password of {@code --web-auth user:pass}: HTTP Basic authentication on
 * every route, as Locust 2.12.1's {@code BasicAuth}. Immutable.
 *
 * @param user the user name, without {@code ':'}
 * @param password the password (may contain {@code ':'})
 */
public record WebCredentials(String user, String password) {

  public WebCredentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.isEmpty() || user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("--web-auth user must be non-empty and without ':'");
    }
  }

  /**
   * Parses Locust's {@code --web-auth} value {@code user:pass} (split at the first colon).
   *
   * @throws IllegalArgumentException when there is no colon or the user is empty
   */
  public static WebCredentials parse(String userColonPassword) {
    int colon = userColonPassword.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "Invalid format for --web-auth, should be username:password");
    }
    return new WebCredentials(
        userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
  }

  @Override
  public String toString() {
    return "WebCredentials[user=" + user + ", password=***]";
  }
}
