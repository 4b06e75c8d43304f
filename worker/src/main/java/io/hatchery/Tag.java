package io.hatchery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tags a task method or a nested {@link TaskSet} class, for {@code --tags}/{@code --exclude-tags}
 * (Locust's {@code @tag("a", "b")}). Tags on a task set apply to every task in it.
 *
 * <pre>{@code
 * @Tag({"checkout", "slow"}) @Task public void buy() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Tag {

  /** The tag names, at least one. */
  String[] value();
}
