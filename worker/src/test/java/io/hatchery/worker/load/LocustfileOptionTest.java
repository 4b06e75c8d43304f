package io.hatchery.worker.load;

import static io.hatchery.worker.load.ScenarioFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class LocustfileOptionTest {
  @TempDir Path dir;

  @Test
  void defaultIsLocustfileJavaInTheWorkingDirectory() throws Exception {
    Path file = write(dir, "locustfile.java", "class A {}");

    assertThat(LocustfileOption.resolve(null, dir))
        .containsExactly(new ScenarioInput.JavaFile(file, "locustfile.java"));
  }

  @Test
  void defaultIsSearchedInParentDirectoriesAsLocustDoes() throws Exception {
    Path file = write(dir, "locustfile.java", "class A {}");
    Path nested = Files.createDirectories(dir.resolve("x/y"));

    assertThat(LocustfileOption.resolve("", nested))
        .containsExactly(new ScenarioInput.JavaFile(file, "../../locustfile.java"));
  }

  @Test
  void defaultFallsBackToALocustfileDirectoryLikeLocustsPackage() throws Exception {
    Path file = write(dir, "locustfile/Shop.java", "class A {}");

    assertThat(LocustfileOption.resolve("locustfile", dir))
        .containsExactly(new ScenarioInput.JavaFile(file, "locustfile/Shop.java"));
  }

  @Test
  void missingDefaultSaysWhatWasSearched() {
    assertThatThrownBy(() -> LocustfileOption.resolve(null, dir))
        .isInstanceOf(ScenarioLoadException.class)
        .hasMessage(
            "Could not find 'locustfile.java' (nor a 'locustfile' directory) in "
                + dir
                + " or its parents. Use -f to name a .java file, a directory, a jar or a class"
                + " name.");
  }

  @Test
  void missingJavaFileJarAndUnreadableNameEachGetTheirMessage() {
    assertThatThrownBy(() -> LocustfileOption.resolve("sub/Gone.java", dir))
        .hasMessage("Could not find 'sub/Gone.java'. See --help for available options.");
    assertThatThrownBy(() -> LocustfileOption.resolve("app.jar", dir))
        .hasMessage("Could not find jar 'app.jar'.");
    assertThatThrownBy(() -> LocustfileOption.resolve("some/dir", dir))
        .hasMessage(
            "Could not find 'some/dir'. Ensure it is a .java file, a directory, a .jar or a class"
                + " name.");
  }

  @Test
  void pythonLocustfileIsRejectedWithWhereItCanBeUsed() {
    assertThatThrownBy(() -> LocustfileOption.resolve("locustfile.py", dir))
        .isInstanceOf(ScenarioLoadException.class)
        .hasMessage(
            "'locustfile.py' is a Python locustfile: Hatchery runs Java scenarios (.java files,"
                + " directories, jars or class names). A Hatchery master started with -f"
                + " locustfile.py serves Python workers (locust --worker) instead.");
  }

  @Test
  void emptyDirectoryIsRejected() throws Exception {
    write(dir, "scenarios/readme.txt", "no sources here");

    assertThatThrownBy(() -> LocustfileOption.resolve("scenarios/", dir))
        .isInstanceOf(ScenarioLoadException.class)
        .hasMessage("Could not find any .java files in directory 'scenarios'.");
  }

  @Test
  void commaSeparatedListKeepsOrderDropsDuplicatesAndTreatsOtherNamesAsClasses() throws Exception {
    Path a = write(dir, "A.java", "class A {}");
    Path jar = write(dir, "lib/app.jar", "");

    assertThat(LocustfileOption.resolve(" A.java , lib/app.jar,com.example.ShopUser,A.java", dir))
        .containsExactly(
            new ScenarioInput.JavaFile(a, "A.java"),
            new ScenarioInput.Jar(jar),
            new ScenarioInput.ClassName("com.example.ShopUser"));
  }
}
