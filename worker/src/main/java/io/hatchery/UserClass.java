package io.hatchery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Class-level facts about a {@link User} class that the master needs before any user exists:
 * Locust's {@code weight}, {@code fixed_count} and {@code host} class attributes. Optional; a class
 * without it has weight 1, no fixed count and no default host. Inherited by subclasses.
 *
 * <pre>{@code
 * @UserClass(weight = 3, host = "http://localhost:8080")
 * public class ShopUser extends HttpUser { ... }
 *
 * @UserClass(fixedCount = 1)            // exactly one, started before the weighted users
 * public class AdminUser extends HttpUser { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UserClass {

  /** Relative probability of this class when users are distributed; finite and positive. */
  double weight() default 1;

  /** When &gt; 0, exactly this many users of the class run and {@link #weight()} is ignored. */
  int fixedCount() default 0;

  /** The default host (base URL), used when none is given with {@code --host}; empty = none. */
  String host() default "";
}
