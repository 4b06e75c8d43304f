package io.hatchery.worker.load;

import java.util.List;

/**
 * The text {@code -l/--list} prints. Mirrors Locust 2.12.1 main.py: a heading line {@code Available
 * Users:}, then each user class name indented by four spaces, one per line. Stateless.
 */
public final class UserClassListing {
  private UserClassListing() {}

  /**
   * The listing for {@code userClassNames} in the given order, each line ending with {@code \n}.
   *
   * <pre>{@code
   * System.out.print(UserClassListing.format(scenario.userClassNames()));
   * }</pre>
   */
  public static String format(List<String> userClassNames) {
    StringBuilder out = new StringBuilder("Available Users:\n");
    for (String name : userClassNames) {
      out.append("    ").append(name).append('\n');
    }
    return out.toString();
  }
}
