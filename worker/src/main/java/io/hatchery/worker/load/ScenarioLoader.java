package io.hatchery.worker.load;

import io.hatchery.User;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the classes {@code -f} names and picks out the user classes: {@code .java} sources compiled
 * together in memory, jars scanned class by class, class names looked up on the classpath (or in
 * the given jars and sources). The counterpart of Locust 2.12.1's {@code load_locustfile} plus the
 * duplicate-name check in main.py. Immutable; {@link #load} may be called from any thread, each
 * call creating fresh class loaders.
 *
 * <pre>{@code
 * LoadedScenario scenario = ScenarioLoader.forUsers().load(options.locustfile(), Path.of(""));
 * scenario.warnings().forEach(log::warn);
 * List<Class<? extends User>> users =
 *     LoadedScenario.asSubclasses(scenario.select(options.userClasses()), User.class);
 * UserClasses classes = UserClasses.of(users);
 * }</pre>
 */
public final class ScenarioLoader {
  private final UserClassFilter userClasses;
  private final ClassLoader parent;
  private final List<Class<?>> classpathAnchors;

  /**
   * @param userClasses which loaded classes are user classes
   * @param parent the parent of the class loaders created here; it must see the scenario API
   * @param classpathAnchors classes whose jar or directory the compiler must see (the scenario API)
   */
  public ScenarioLoader(
      UserClassFilter userClasses, ClassLoader parent, List<Class<?>> classpathAnchors) {
    this.userClasses = userClasses;
    this.parent = parent;
    this.classpathAnchors = List.copyOf(classpathAnchors);
  }

  /**
   * The loader the CLI uses: user classes are concrete subclasses of {@link User} outside the
   * {@code io.hatchery} package itself (whose {@code User} and any stock user bases are bases, not
   * users).
   */
  public static ScenarioLoader forUsers() {
    return forUserBase(User.class);
  }

  /** A loader for concrete subclasses of {@code base}, compiling against {@code base}'s jar. */
  public static ScenarioLoader forUserBase(Class<?> base) {
    return new ScenarioLoader(
        UserClassFilter.subclassesOf(base),
        base.getClassLoader(),
        List.of(base, ScenarioLoader.class));
  }

  /** Resolves {@code locustfileOption} (see {@link LocustfileOption}) and loads it. */
  public LoadedScenario load(String locustfileOption, Path workingDirectory)
      throws ScenarioLoadException {
    return load(LocustfileOption.resolve(locustfileOption, workingDirectory));
  }

  /**
   * Loads {@code inputs}: the sources compiled as one compilation (against the jars, whose classes
   * they may use), then the jars' classes, then class names (which may name classes from the jars
   * or the sources).
   *
   * @throws CompilationFailedException when a source does not compile
   * @throws ScenarioLoadException when an input cannot be read or found, no user class was found,
   *     two user classes share a simple name, or a named class is not a user class
   */
  public LoadedScenario load(List<ScenarioInput> inputs) throws ScenarioLoadException {
    List<Path> jars = new ArrayList<>();
    List<ScenarioInput.JavaFile> sources = new ArrayList<>();
    List<String> classNames = new ArrayList<>();
    for (ScenarioInput input : inputs) {
      switch (input) {
        case ScenarioInput.Jar jar -> jars.add(jar.path());
        case ScenarioInput.JavaFile file -> sources.add(file);
        case ScenarioInput.ClassName name -> classNames.add(name.name());
      }
    }
    List<String> warnings = new ArrayList<>();
    Set<Class<?>> loaded = new LinkedHashSet<>();
    Map<String, String> emptyInputs = new LinkedHashMap<>();
    ClassLoader loader = jars.isEmpty() ? parent : jarLoader(jars);
    if (!sources.isEmpty()) {
      try {
        loader = loadSources(sources, jars, loader, loaded, warnings, emptyInputs);
      } catch (NoClassDefFoundError e) {
        // A runtime without the java.compiler/jdk.compiler modules fails when javax.tools links.
        throw new ScenarioLoadException(
            "Cannot compile .java files: this Java runtime has no compiler ("
                + e
                + "). Run Hatchery on a JDK, or give -f a jar or class names.",
            e);
      }
    }
    for (Path jar : jars) {
      loadJar(jar, loader, loaded, warnings, emptyInputs);
    }
    for (String name : classNames) {
      loaded.add(loadNamed(name, loader));
    }
    List<Class<?>> users = usersAmong(loaded, warnings);
    if (users.isEmpty()) {
      throw new ScenarioLoadException(
          "No User class found in "
              + String.join("; ", emptyInputs.values())
              + ". A user class is "
              + userClasses.description()
              + ".");
    }
    return new LoadedScenario(List.copyOf(loaded), users, warnings);
  }

  private ClassLoader loadSources(
      List<ScenarioInput.JavaFile> files,
      List<Path> jars,
      ClassLoader jarLoader,
      Set<Class<?>> loaded,
      List<String> warnings,
      Map<String, String> emptyInputs)
      throws ScenarioLoadException {
    List<JavaSourceFile> sources = new ArrayList<>();
    for (ScenarioInput.JavaFile file : files) {
      sources.add(new JavaSourceFile(file.path(), file.displayName(), read(file)));
    }
    JavaSourceCompiler.Result compiled =
        JavaSourceCompiler.compile(sources, CompileClasspath.of(classpathAnchors, jars));
    warnings.addAll(compiled.warnings());
    CompiledClassLoader loader = new CompiledClassLoader(compiled.classFiles(), jarLoader);
    for (String name : compiled.classFiles().keySet()) {
      try {
        loaded.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        throw new ScenarioLoadException("Could not load compiled class " + name + ": " + e, e);
      }
    }
    emptyInputs.put(
        "sources",
        String.join(", ", files.stream().map(ScenarioInput.JavaFile::displayName).toList())
            + " ("
            + compiled.declaredClasses().size()
            + " classes compiled)");
    return loader;
  }

  private void loadJar(
      Path jar,
      ClassLoader loader,
      Set<Class<?>> loaded,
      List<String> warnings,
      Map<String, String> emptyInputs)
      throws ScenarioLoadException {
    List<String> names = JarClassNames.of(jar);
    List<String> unlinkable = new ArrayList<>();
    for (String name : names) {
      try {
        loaded.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        unlinkable.add(name + " (" + e + ")");
      }
    }
    if (!unlinkable.isEmpty()) {
      warnings.add(
          jar
              + ": "
              + unlinkable.size()
              + " classes could not be loaded, first: "
              + unlinkable.get(0));
    }
    emptyInputs.put(
        jar.toString(),
        "jar '"
            + jar
            + "' ("
            + names.size()
            + " classes scanned, "
            + unlinkable.size()
            + " not loadable)");
  }

  private Class<?> loadNamed(String name, ClassLoader loader) throws ScenarioLoadException {
    Class<?> found = findClass(name, loader);
    if (found == null) {
      throw new ScenarioLoadException(
          "Could not find '"
              + name
              + "': no such file or directory, and no class of that name on the classpath.");
    }
    if (!userClasses.test(found)) {
      throw new ScenarioLoadException(
          "Class "
              + name
              + " is not a user class: a user class is "
              + userClasses.description()
              + ".");
    }
    return found;
  }

  /** Tries {@code a.b.C}, then nested spellings {@code a.b$C}... only when C is not found. */
  private static Class<?> findClass(String name, ClassLoader loader) throws ScenarioLoadException {
    String candidate = name;
    while (true) {
      try {
        return Class.forName(candidate, false, loader);
      } catch (ClassNotFoundException e) {
        int dot = candidate.lastIndexOf('.');
        if (dot < 0) {
          return null;
        }
        candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
      } catch (LinkageError e) {
        throw new ScenarioLoadException("Could not load class " + candidate + ": " + e, e);
      }
    }
  }

  private List<Class<?>> usersAmong(Set<Class<?>> loaded, List<String> warnings)
      throws ScenarioLoadException {
    Map<String, Class<?>> bySimpleName = new LinkedHashMap<>();
    for (Class<?> candidate : loaded) {
      if (userClasses.isInnerUserClass(candidate)) {
        warnings.add(candidate.getName() + " is an inner class and is not run: declare it static.");
      }
      if (!userClasses.test(candidate)) {
        continue;
      }
      Class<?> previous = bySimpleName.putIfAbsent(candidate.getSimpleName(), candidate);
      if (previous != null) {
        // Locust 2.12.1 main.py exits with the same words; user classes are named by simple name
        // in spawn messages, so two classes cannot share one.
        throw new ScenarioLoadException(
            "Duplicate user class names: "
                + candidate.getSimpleName()
                + " is defined as both "
                + previous.getName()
                + " and "
                + candidate.getName());
      }
    }
    return List.copyOf(bySimpleName.values());
  }

  private ClassLoader jarLoader(List<Path> jars) throws ScenarioLoadException {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new ScenarioLoadException("Could not open jar '" + jars.get(i) + "': " + e, e);
      }
    }
    return new URLClassLoader("hatchery-jars", urls, parent);
  }

  private static String read(ScenarioInput.JavaFile file) throws ScenarioLoadException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(Files.readAllBytes(file.path())))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ScenarioLoadException(file.displayName() + ": not valid UTF-8", e);
    } catch (IOException e) {
      throw new ScenarioLoadException("Could not read '" + file.displayName() + "': " + e, e);
    }
  }
}
