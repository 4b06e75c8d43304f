package io.hatchery.master.scenario;

import io.hatchery.master.dispatch.UserClassSpec;
import java.util.List;

/**
 * What the static reader found in one or more Python locustfiles. Immutable.
 *
 * @param userClasses the non-abstract user classes in file order, with weight and fixed count
 * @param warnings everything it could not read, in file and line order
 */
public record LocustfileReading(List<UserClassSpec> userClasses, List<LocustfileWarning> warnings) {
  public LocustfileReading {
    userClasses = List.copyOf(userClasses);
    warnings = List.copyOf(warnings);
  }
}
