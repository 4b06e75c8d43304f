package io.hatchery.worker.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code -f} loaded: every class, the user classes among them, and warnings worth printing
 * (compiler warnings, skipped inner classes, jar classes that could not be linked). Immutable.
 *
 * @param classes every class loaded from the inputs, sources in declaration order, then jars in
 *     entry order, then named classes
 * @param userClasses the concrete user classes among {@code classes}, in the same order; their
 *     simple names are unique
 * @param warnings human-readable warnings, one per element
 */
public record LoadedScenario(
    List<Class<?>> classes, List<Class<?>> userClasses, List<String> warnings) {
  public LoadedScenario {
    classes = List.copyOf(classes);
    userClasses = List.copyOf(userClasses);
    warnings = List.copyOf(warnings);
  }

  /** The simple names of the user classes, as Locust names them on the wire and in {@code -l}. */
  public List<String> userClassNames() {
    return userClasses.stream().map(Class::getSimpleName).toList();
  }

  /**
   * The user classes named by the positional {@code UserClass} arguments, by simple or fully
   * qualified name, in load order; all of them when {@code names} is empty. Mirrors Locust 2.12.1
   * main.py's check of {@code options.user_classes}.
   *
   * @throws ScenarioLoadException naming the unknown ones and listing the available classes
   */
  public List<Class<?>> select(List<String> names) throws ScenarioLoadException {
    if (names.isEmpty()) {
      return userClasses;
    }
    Set<Class<?>> selected = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String name : names) {
      List<Class<?>> matches = userClasses.stream().filter(c -> matches(c, name)).toList();
      if (matches.isEmpty()) {
        unknown.add(name);
      }
      selected.addAll(matches);
    }
    if (!unknown.isEmpty()) {
      String available = userClasses.isEmpty() ? "(none)" : String.join(", ", userClassNames());
      throw new ScenarioLoadException(
          "Unknown User(s): " + String.join(", ", unknown) + ". Available: " + available);
    }
    return userClasses.stream().filter(selected::contains).toList();
  }

  private static boolean matches(Class<?> userClass, String name) {
    return name.equals(userClass.getSimpleName())
        || name.equals(userClass.getName())
        || name.equals(userClass.getCanonicalName());
  }

  /**
   * {@code classes} typed as subclasses of {@code base}, e.g. to hand {@link #select} results to an
   * engine that takes {@code List<Class<? extends User>>}.
   *
   * @throws ClassCastException when one of them is not a subclass of {@code base}
   */
  public static <T> List<Class<? extends T>> asSubclasses(List<Class<?>> classes, Class<T> base) {
    List<Class<? extends T>> typed = new ArrayList<>();
    for (Class<?> c : classes) {
      typed.add(c.asSubclass(base));
    }
    return List.copyOf(typed);
  }
}
