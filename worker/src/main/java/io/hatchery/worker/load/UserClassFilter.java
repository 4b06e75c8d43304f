package io.hatchery.worker.load;

import java.lang.reflect.Modifier;
import java.util.function.Predicate;

/**
 * Decides which loaded classes are user classes, and says so in words for error messages. Immutable
 * and thread-safe.
 *
 * <p>Locust's counterpart is {@code is_user_class} in locust/util/load_locustfile.py: a subclass of
 * {@code User} whose {@code abstract} attribute is false. In Java a class is excluded by declaring
 * it {@code abstract}; Locust's {@code abstract = True} has no other counterpart. Whatever the
 * predicate says, the loader never runs interfaces, abstract, anonymous, local or inner (non-static
 * nested) classes.
 *
 * <pre>{@code
 * UserClassFilter users = UserClassFilter.subclassesOf(User.class);
 * }</pre>
 */
public final class UserClassFilter implements Predicate<Class<?>> {
  private final String description;
  private final Predicate<Class<?>> predicate;

  private UserClassFilter(String description, Predicate<Class<?>> predicate) {
    this.description = description;
    this.predicate = predicate;
  }

  /**
   * Concrete subclasses of {@code base}, excluding {@code base} itself and any class declared in
   * the same package as {@code base} (the framework's own {@code HttpUser} and friends are bases,
   * not users).
   */
  public static UserClassFilter subclassesOf(Class<?> base) {
    String frameworkPackage = base.getPackageName();
    return new UserClassFilter(
        "extends " + base.getName(),
        c -> base.isAssignableFrom(c) && !c.getPackageName().equals(frameworkPackage));
  }

  /** Any rule, described for error messages as e.g. {@code "extends com.example.Base"}. */
  public static UserClassFilter of(String description, Predicate<Class<?>> predicate) {
    return new UserClassFilter(description, predicate);
  }

  /** True when {@code candidate} is a user class the engine can instantiate. */
  @Override
  public boolean test(Class<?> candidate) {
    return isInstantiable(candidate) && predicate.test(candidate);
  }

  /** True when the rule matches but the class is inner: worth a warning, it is probably a slip. */
  boolean isInnerUserClass(Class<?> candidate) {
    return candidate.isMemberClass()
        && !Modifier.isStatic(candidate.getModifiers())
        && !Modifier.isAbstract(candidate.getModifiers())
        && predicate.test(candidate);
  }

  /** What a user class must be, in words: "a concrete class that extends ...". */
  public String description() {
    return "a concrete (non-abstract, top-level or static nested) class that " + description;
  }

  private static boolean isInstantiable(Class<?> c) {
    int modifiers = c.getModifiers();
    return !c.isInterface()
        && !c.isAnnotation()
        && !c.isEnum()
        && !c.isArray()
        && !c.isPrimitive()
        && !Modifier.isAbstract(modifiers)
        && !c.isAnonymousClass()
        && !c.isLocalClass()
        && (!c.isMemberClass() || Modifier.isStatic(modifiers));
  }
}
