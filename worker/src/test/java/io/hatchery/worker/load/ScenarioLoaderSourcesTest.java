package io.hatchery.worker.load;

import static io.hatchery.worker.load.ScenarioFiles.loader;
import static io.hatchery.worker.load.ScenarioFiles.run;
import static io.hatchery.worker.load.ScenarioFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ScenarioLoaderSourcesTest {
  private static final String BASE = "io.hatchery.worker.load.SampleUser";

  @TempDir Path dir;

  @Test
  void defaultLocustfileWithoutPackageIsCompiledAndRun() throws Exception {
    write(
        dir,
        "locustfile.java",
        """
        public class QuickUser extends %s {
          @Override public String run() { return new Greeting().text(); }
        }
        class Greeting { String text() { return "hello"; } }
        """
            .formatted(BASE));

    LoadedScenario scenario = loader().load(null, dir);

    assertThat(scenario.userClassNames()).containsExactly("QuickUser");
    assertThat(scenario.classes())
        .extracting(Class::getName)
        .containsExactly("QuickUser", "Greeting");
    assertThat(run(scenario.userClasses().get(0))).isEqualTo("hello");
  }

  @Test
  void publicClassesNeedNotMatchTheFileName() throws Exception {
    write(
        dir,
        "locustfile.java",
        """
        public class Browse extends %1$s { public String run() { return "b"; } }
        public class Buy extends %1$s { public String run() { return "c"; } }
        """
            .formatted(BASE));

    assertThat(loader().load(null, dir).userClassNames()).containsExactly("Browse", "Buy");
  }

  @Test
  void severalCommaSeparatedFilesCompileTogether() throws Exception {
    write(
        dir,
        "First.java",
        "public class First extends %s { public String run() { return Second.WORD; } }"
            .formatted(BASE));
    write(
        dir,
        "Second.java",
        "public class Second extends %s { static final String WORD = \"two\"; public String run() { return WORD; } }"
            .formatted(BASE));

    LoadedScenario scenario = loader().load("First.java, Second.java", dir);

    assertThat(scenario.userClassNames()).containsExactly("First", "Second");
    assertThat(run(scenario.userClasses().get(0))).isEqualTo("two");
  }

  @Test
  void packagesNestedClassesAndSeveralTopLevelClassesAreListedInDeclarationOrder()
      throws Exception {
    write(
        dir,
        "shop/Shop.java",
        """
        package com.example.shop;
        public class Shop {
          public static class Browse extends %1$s { public String run() { return "browse"; } }
          public abstract static class Base extends %1$s {}
          public class Inner extends %1$s { public String run() { return "inner"; } }
        }
        class Checkout extends Shop.Base { public String run() { return "checkout"; } }
        """
            .formatted(BASE));

    LoadedScenario scenario = loader().load("shop/Shop.java", dir);

    assertThat(scenario.userClasses())
        .extracting(Class::getName)
        .containsExactly("com.example.shop.Shop$Browse", "com.example.shop.Checkout");
    assertThat(scenario.warnings())
        .containsExactly(
            "com.example.shop.Shop$Inner is an inner class and is not run: declare it static.");
  }

  @Test
  void directoryLoadsEverySourceUnderItAndSkipsHiddenOnes() throws Exception {
    write(
        dir,
        "scenarios/a/AUser.java",
        "package a; public class AUser extends %s { public String run() { return b.Util.NAME; } }"
            .formatted(BASE));
    write(
        dir,
        "scenarios/b/Util.java",
        "package b; public class Util { public static final String NAME = \"util\"; }");
    write(dir, "scenarios/.backup/Broken.java", "this does not compile");
    write(dir, "scenarios/notes.txt", "not a source");

    LoadedScenario scenario = loader().load("scenarios", dir);

    assertThat(scenario.userClassNames()).containsExactly("AUser");
    assertThat(scenario.classes()).extracting(Class::getName).containsExactly("a.AUser", "b.Util");
    assertThat(run(scenario.userClasses().get(0))).isEqualTo("util");
  }

  @Test
  void nothingIsWrittenToDisk() throws Exception {
    write(
        dir,
        "DiskUser.java",
        "public class DiskUser extends %s { public String run() { return \"\"; } }"
            .formatted(BASE));

    loader().load("DiskUser.java", dir);

    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".class"));
    }
  }

  @Test
  void nameWithoutExtensionFindsTheJavaFileAsLocustFindsDotPy() throws Exception {
    write(
        dir,
        "shop.java",
        "class ShopUser extends %s { public String run() { return \"shop\"; } }".formatted(BASE));

    assertThat(loader().load("shop", dir).userClassNames()).containsExactly("ShopUser");
  }

  @Test
  void abstractClassesAndTheBaseItselfAreNotUsers() throws Exception {
    write(
        dir,
        "Mixed.java",
        """
        abstract class Mixed extends %1$s {}
        class Concrete extends Mixed { public String run() { return "c"; } }
        interface Marker {}
        """
            .formatted(BASE));

    LoadedScenario scenario = loader().load("Mixed.java", dir);

    assertThat(scenario.userClassNames()).containsExactly("Concrete");
  }

  @Test
  void sourcesWithoutUserClassesAreRejected() throws Exception {
    write(dir, "Plain.java", "class Plain {} abstract class Later extends %s {}".formatted(BASE));

    assertThatThrownBy(() -> loader().load("Plain.java", dir))
        .isInstanceOf(ScenarioLoadException.class)
        .hasMessage(
            "No User class found in Plain.java (2 classes compiled). A user class is a concrete"
                + " (non-abstract, top-level or static nested) class that extends "
                + BASE
                + ".");
  }

  @Test
  void twoUserClassesWithTheSameSimpleNameAreRejected() throws Exception {
    write(
        dir,
        "a/Twin.java",
        "package a; public class Twin extends %s { public String run() { return \"a\"; } }"
            .formatted(BASE));
    write(
        dir,
        "b/Twin.java",
        "package b; public class Twin extends %s { public String run() { return \"b\"; } }"
            .formatted(BASE));

    assertThatThrownBy(() -> loader().load("a/Twin.java,b/Twin.java", dir))
        .isInstanceOf(ScenarioLoadException.class)
        .hasMessage("Duplicate user class names: Twin is defined as both a.Twin and b.Twin");
  }
}
