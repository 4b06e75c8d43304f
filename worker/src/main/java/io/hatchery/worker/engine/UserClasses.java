package io.hatchery.worker.engine;

import io.hatchery.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user classes of a scenario, by name, in the order given (Locust's {@code user_classes}).
 *
 * <pre>{@code
 * UserClasses classes = UserClasses.of(List.of(ShopUser.class, AdminUser.class))
 *     .filterByTags(Set.of("checkout"), null);         // -T checkout
 * List<UserClassDescription> forMaster = classes.describe();
 * }</pre>
 *
 * <p>Immutable; filtering returns a new instance.
 */
public final class UserClasses {

  private final Map<String, UserClassModel> byName;

  private UserClasses(Map<String, UserClassModel> byName) {
    this.byName = byName;
  }

  /**
   * Reads the classes. Classes with weight 0 and no fixed count are left out, as Locust 2.12.1
   * removes them.
   *
   * @throws IllegalArgumentException for an abstract class, a malformed declaration, two classes
   *     with the same simple name (Locust requires unique class names), or when every class has
   *     weight 0
   */
  public static UserClasses of(List<Class<? extends User>> types) {
    Map<String, UserClassModel> byName = new LinkedHashMap<>();
    for (Class<? extends User> type : types) {
      UserClassModel model = UserClassModel.of(type);
      if (model.weightZero()) {
        continue;
      }
      UserClassModel other = byName.putIfAbsent(model.name(), model);
      if (other != null) {
        throw new IllegalArgumentException(
            "duplicate user class name "
                + model.name()
                + ": "
                + other.type().getName()
                + " and "
                + type.getName());
      }
    }
    if (byName.isEmpty() && !types.isEmpty()) {
      throw new IllegalArgumentException("There are no users with weight > 0.");
    }
    return new UserClasses(byName);
  }

  /**
   * Applies {@code --tags}/{@code --exclude-tags} to every class's tasks (Locust's {@code
   * Environment._filter_tasks_by_tags}). A class may end with no tasks; such a user reports one
   * error and ends when started.
   *
   * @param tags tags to keep (null or empty: no include filter)
   * @param excludeTags tags to drop (null or empty: no exclude filter)
   */
  public UserClasses filterByTags(Set<String> tags, Set<String> excludeTags) {
    Set<String> include = tags == null || tags.isEmpty() ? null : Set.copyOf(tags);
    Set<String> exclude =
        excludeTags == null || excludeTags.isEmpty() ? null : Set.copyOf(excludeTags);
    Map<String, UserClassModel> filtered = new LinkedHashMap<>();
    byName.forEach(
        (name, model) ->
            filtered.put(name, model.withTree(TagFilter.filter(model.tree(), include, exclude))));
    return new UserClasses(filtered);
  }

  /**
   * Applies {@code --equal-weights} to every class (see {@link UserClassModel#withEqualWeights()}):
   * the dispatcher sees weight 1 for each, and each user draws its own tasks with equal
   * probability. Fixed counts are kept. Apply after {@link #filterByTags}, as Locust does.
   */
  public UserClasses withEqualWeights() {
    Map<String, UserClassModel> equal = new LinkedHashMap<>();
    byName.forEach((name, model) -> equal.put(name, model.withEqualWeights()));
    return new UserClasses(equal);
  }

  /** The classes' plain descriptions, in order. */
  public List<UserClassDescription> describe() {
    List<UserClassDescription> out = new ArrayList<>();
    byName.values().forEach(model -> out.add(model.describe()));
    return out;
  }

  /** The class named {@code name}, if known. */
  public Optional<UserClassModel> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every class, in order. */
  public List<UserClassModel> models() {
    return List.copyOf(byName.values());
  }
}
