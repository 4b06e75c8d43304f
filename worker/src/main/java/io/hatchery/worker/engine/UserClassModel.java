package io.hatchery.worker.engine;

import io.hatchery.User;
import io.hatchery.UserClass;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * A runnable user class as the engine sees it: the class, its {@link UserClass} facts and its task
 * tree (after any tag filtering). Immutable.
 *
 * @param type the concrete user class
 * @param tree its tasks
 * @param equalWeights whether {@code --equal-weights} applies: the class's weight is 1, whatever it
 *     declares
 */
public record UserClassModel(Class<? extends User> type, TaskTree tree, boolean equalWeights) {

  /** A class with its declared weights. */
  public UserClassModel(Class<? extends User> type, TaskTree tree) {
    this(type, tree, false);
  }

  /** Checks the class is concrete. */
  public UserClassModel {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tree, "tree");
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(type.getName() + " is abstract and cannot run");
    }
  }

  /**
   * Reads {@code type}'s declarations.
   *
   * @throws IllegalArgumentException for an abstract class, a bad {@link UserClass} or a malformed
   *     task declaration
   */
  public static UserClassModel of(Class<? extends User> type) {
    UserClassModel model = new UserClassModel(type, TaskDeclarations.treeOf(type));
    if (!model.weightZero()) {
      model.describe();
    }
    return model;
  }

  /** The class name users are counted under: the simple name (Locust's {@code __name__}). */
  public String name() {
    return type.getSimpleName();
  }

  /**
   * Whether Locust would drop this class: weight 0 and no fixed count ({@code
   * Environment._remove_user_classes_with_weight_zero}).
   */
  boolean weightZero() {
    UserClass declared = type.getAnnotation(UserClass.class);
    return declared != null && declared.weight() == 0 && declared.fixedCount() == 0;
  }

  /**
   * The plain description the CLI and master use. A fixed-count class's weight is irrelevant and
   * reported as 1 when declared as 0.
   */
  public UserClassDescription describe() {
    UserClass declared = type.getAnnotation(UserClass.class);
    int fixedCount = declared == null ? 0 : declared.fixedCount();
    double weight = declared == null || equalWeights ? 1 : declared.weight();
    if (fixedCount > 0 && weight == 0) {
      weight = 1;
    }
    String host = declared == null || declared.host().isEmpty() ? null : declared.host();
    return new UserClassDescription(name(), weight, fixedCount, tree.allTags(), host);
  }

  UserClassModel withTree(TaskTree filtered) {
    return new UserClassModel(type, filtered, equalWeights);
  }

  /**
   * This class under {@code --equal-weights} (Locust's {@code assign_equal_weights}): weight 1, and
   * each of its own tasks drawn with the same probability. A nested task set counts as one task and
   * keeps the weights inside it, as in Locust 2.12.1, which collects the task set class itself.
   */
  UserClassModel withEqualWeights() {
    return new UserClassModel(type, tree.withEqualWeights(), true);
  }
}
