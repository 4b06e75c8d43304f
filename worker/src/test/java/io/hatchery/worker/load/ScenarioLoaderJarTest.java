package io.hatchery.worker.load;

import static io.hatchery.worker.load.ScenarioFiles.jar;
import static io.hatchery.worker.load.ScenarioFiles.loader;
import static io.hatchery.worker.load.ScenarioFiles.run;
import static io.hatchery.worker.load.ScenarioFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ScenarioLoaderJarTest {
  private static final String BASE = "io.hatchery.worker.load.SampleUser";

  @TempDir Path dir;

  @Test
  void jarUserClassesAreFoundAndRun() throws Exception {
    jar(
        dir.resolve("app.jar"),
        Map.of(
            "JarUser.java",
            "package com.example; public class JarUser extends %s { public String run() { return Words.JAR; } }"
                .formatted(BASE),
            "Words.java",
            "package com.example; public class Words { public static final String JAR = \"from jar\"; }"));

    LoadedScenario scenario = loader().load("app.jar", dir);

    assertThat(scenario.userClassNames()).containsExactly("JarUser");
    assertThat(scenario.classes())
        .extracting(Class::getName)
        .containsExactlyInAnyOrder("com.example.JarUser", "com.example.Words");
    assertThat(run(scenario.userClasses().get(0))).isEqualTo("from jar");
  }

  @Test
  void jarWithoutUserClassesIsRejectedWithWhatWasScanned() throws Exception {
    Path jar =
        jar(
            dir.resolve("lib.jar"),
            Map.of(
                "Util.java",
                "package lib; public class Util {}",
                "Base.java",
                "package lib; public abstract class Base extends %s {}".formatted(BASE)));

    assertThatThrownBy(() -> loader().load("lib.jar", dir))
        .isInstanceOf(ScenarioLoadException.class)
        .hasMessage(
            "No User class found in jar '"
                + jar
                + "' (2 classes scanned, 0 not loadable). A user class is a concrete (non-abstract,"
                + " top-level or static nested) class that extends "
                + BASE
                + ".");
  }

  @Test
  void sourcesCompileAgainstJarsGivenAlongside() throws Exception {
    jar(
        dir.resolve("lib.jar"),
        Map.of(
            "Base.java",
            "package lib; public abstract class Base extends %s { protected String name() { return \"lib\"; } }"
                .formatted(BASE)));
    write(
        dir,
        "Shop.java",
        "public class Shop extends lib.Base { public String run() { return name(); } }");

    LoadedScenario scenario = loader().load("lib.jar,Shop.java", dir);

    assertThat(scenario.userClassNames()).containsExactly("Shop");
    assertThat(run(scenario.userClasses().get(0))).isEqualTo("lib");
  }

  @Test
  void classNameMayNameAClassInsideAGivenJar() throws Exception {
    jar(
        dir.resolve("app.jar"),
        Map.of(
            "One.java",
                "package app; public class One extends %s { public String run() { return \"1\"; } }"
                    .formatted(BASE),
            "Two.java",
                "package app; public class Two extends %s { public String run() { return \"2\"; } }"
                    .formatted(BASE)));

    LoadedScenario scenario = loader().load("app.jar,app.Two", dir);

    assertThat(scenario.userClassNames()).containsExactlyInAnyOrder("One", "Two");
  }
}
