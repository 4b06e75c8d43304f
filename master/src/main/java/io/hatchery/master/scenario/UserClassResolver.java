package io.hatchery.master.scenario;

import io.hatchery.master.dispatch.UserClassSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Decides which top-level classes of one module are Locust user classes and reads their weight and
 * fixed count. Mirrors {@code is_user_class} in Locust 2.12.1's load_locustfile.py: a subclass of
 * {@code User} whose own body does not set {@code abstract = True} (the {@code UserMeta} metaclass
 * resets {@code abstract} to False in every class that does not set it, so it is not inherited),
 * while {@code weight} and {@code fixed_count} are inherited like any attribute. Not thread-safe;
 * one per module.
 */
final class UserClassResolver {
  /** Locust's user base classes (2.12.1 exports these three from {@code locust}). */
  private static final Set<String> USER_BASES = Set.of("User", "HttpUser", "FastHttpUser");

  /** Bases that are certainly not users, so a class built on them is skipped silently. */
  private static final Set<String> NOT_USERS =
      Set.of(
          "TaskSet",
          "SequentialTaskSet",
          "LoadTestShape",
          "object",
          "Exception",
          "BaseException",
          "ABC",
          "Generic",
          "Protocol",
          "NamedTuple",
          "Enum",
          "IntEnum",
          "dict",
          "list",
          "str",
          "int",
          "tuple",
          "set",
          "type");

  private record Resolved(ClassStatement statement, boolean user, List<Resolved> bases) {}

  private final PythonImports imports;
  private final BiConsumer<Integer, String> problems;
  private final Map<String, Resolved> classes = new LinkedHashMap<>();

  private UserClassResolver(PythonImports imports, BiConsumer<Integer, String> problems) {
    this.imports = imports;
    this.problems = problems;
  }

  /** The user classes of {@code module}, in the order of the module's namespace. */
  static List<UserClassSpec> resolve(
      LocustfileScanner.Module module, BiConsumer<Integer, String> problems) {
    UserClassResolver resolver = new UserClassResolver(module.imports(), problems);
    resolver.warnAboutImportedUsers();
    for (ClassStatement statement : module.classes()) {
      resolver.define(statement);
    }
    List<UserClassSpec> specs = new ArrayList<>();
    for (Resolved resolved : resolver.classes.values()) {
      if (resolved.user()) {
        UserClassSpec spec = resolver.spec(resolved);
        if (spec != null) {
          specs.add(spec);
        }
      }
    }
    return specs;
  }

  /**
   * Locust runs every user class in the module's namespace, imported ones too ({@code vars(module)}
   * in load_locustfile.py); this reader cannot see into other modules, so it says so for imported
   * names that look like user classes.
   */
  private void warnAboutImportedUsers() {
    imports
        .fromImports()
        .forEach(
            (alias, origin) -> {
              boolean fromLocust =
                  origin.module().equals("locust") || origin.module().startsWith("locust.");
              if (!fromLocust && alias.endsWith("User")) {
                problems.accept(
                    origin.line(),
                    "'"
                        + alias
                        + "' is imported from module '"
                        + origin.module()
                        + "' and not read; if it is a User class, Python Locust runs it but this"
                        + " master does not know it");
              }
            });
  }

  private void define(ClassStatement statement) {
    boolean user = false;
    List<String> unknown = new ArrayList<>();
    List<Resolved> sameFileBases = new ArrayList<>();
    for (String base : statement.bases()) {
      Resolved defined = base.contains(".") ? null : classes.get(base);
      if (defined != null) {
        sameFileBases.add(defined);
        user |= defined.user();
      } else {
        String why = unknownReason(base);
        if (why == null) {
          user |= isUserBase(base);
        } else {
          unknown.add(why);
        }
      }
    }
    if (!user && !unknown.isEmpty() && looksLikeUser(statement)) {
      problems.accept(
          statement.line(),
          "cannot tell whether "
              + statement.name()
              + " is a User: "
              + String.join("; ", unknown)
              + "; class skipped");
    }
    if (classes.containsKey(statement.name())) {
      problems.accept(
          statement.line(),
          statement.name() + " is defined again; the later definition is used, as in Python");
    }
    // A dict keeps the position of a key that is assigned again, as the module namespace does.
    classes.put(statement.name(), new Resolved(statement, user, sameFileBases));
  }

  /**
   * Whether an unresolvable class is worth a warning: its name or a base's name contains {@code
   * User}, or it sets {@code weight}, {@code fixed_count} or {@code abstract}. Helper classes built
   * on other libraries ({@code class Client(ServerProxy)}) are left out silently.
   */
  private static boolean looksLikeUser(ClassStatement statement) {
    return statement.name().contains("User")
        || statement.bases().stream().anyMatch(base -> base.contains("User"))
        || !statement.attributes().isEmpty();
  }

  /** Null when {@code base} is known (a user base or a certain non-user), else why it is not. */
  private String unknownReason(String base) {
    if (base.startsWith("?")) {
      return "base '" + base.substring(1) + "' is not a class name";
    }
    String[] parts = base.split("\\.");
    String last = parts[parts.length - 1];
    PythonImports.Origin origin = imports.origin(parts[0]);
    if (origin != null) {
      boolean fromLocust =
          origin.module().equals("locust") || origin.module().startsWith("locust.");
      return fromLocust || USER_BASES.contains(last)
          ? null
          : "base '" + base + "' is imported from module '" + origin.module() + "'";
    }
    if (USER_BASES.contains(last) || NOT_USERS.contains(base) || parts[0].equals("locust")) {
      return null;
    }
    List<String> stars = imports.starImports().stream().map(PythonImports.Origin::module).toList();
    return stars.isEmpty()
        ? "base '" + base + "' is not defined or imported in this file"
        : "base '" + base + "' may come from 'from " + String.join("/", stars) + " import *'";
  }

  private boolean isUserBase(String base) {
    String[] parts = base.split("\\.");
    String last = parts[parts.length - 1];
    PythonImports.Origin origin = imports.origin(parts[0]);
    if (origin != null && parts.length == 1) {
      // from locust.contrib.postgres import PostgresUser: later Locust versions ship such users.
      return USER_BASES.contains(origin.name())
          || (origin.module().startsWith("locust.contrib") && origin.name().endsWith("User"));
    }
    return USER_BASES.contains(last);
  }

  private UserClassSpec spec(Resolved resolved) {
    ClassStatement statement = resolved.statement();
    String name = statement.name();
    Object abstractValue = literal(statement.attributes().get("abstract"));
    if (statement.attributes().containsKey("abstract") && !(abstractValue instanceof Boolean)) {
      warn(statement, "abstract", name + ".abstract is not True or False; read as False");
    }
    if (Boolean.TRUE.equals(abstractValue)) {
      return null;
    }
    Object weight = literal(inherited(resolved, "weight"));
    double weightValue = 1;
    if (weight instanceof Long || weight instanceof Double) {
      weightValue = ((Number) weight).doubleValue();
    } else if (inherited(resolved, "weight") != null) {
      warn(statement, "weight", name + ".weight is not a number literal; using 1");
    }
    if (!(weightValue > 0) || Double.isInfinite(weightValue)) {
      problems.accept(
          statement.line(), name + ".weight is " + weight + ", not positive; class left out");
      return null;
    }
    Object fixedCount = literal(inherited(resolved, "fixed_count"));
    long fixedCountValue = 0;
    if (fixedCount instanceof Long count && count >= 0) {
      fixedCountValue = count;
    } else if (inherited(resolved, "fixed_count") != null) {
      warn(
          statement,
          "fixed_count",
          name + ".fixed_count is not a non-negative int literal; using 0");
    }
    return new UserClassSpec(name, weightValue, fixedCountValue);
  }

  /** The attribute as set by the class itself or, depth first, by a base in this file. */
  private static List<PythonToken> inherited(Resolved resolved, String attribute) {
    List<PythonToken> own = resolved.statement().attributes().get(attribute);
    if (own != null) {
      return own;
    }
    for (Resolved base : resolved.bases()) {
      List<PythonToken> found = inherited(base, attribute);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private void warn(ClassStatement statement, String attribute, String message) {
    List<PythonToken> value = statement.attributes().get(attribute);
    int line = value == null || value.isEmpty() ? statement.line() : value.get(0).line();
    problems.accept(
        line, message + " (" + (value == null ? "inherited" : PythonExpressions.text(value)) + ")");
  }

  private static Object literal(List<PythonToken> tokens) {
    return tokens == null ? null : PythonLiterals.value(tokens);
  }
}
