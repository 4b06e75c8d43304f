package io.hatchery.master.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class PythonLocustfilesTest {
  @TempDir Path dir;

  private Path touch(String relative) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "");
  }

  @Test
  void pythonIsRecognisedByAnyElementEndingInPy() {
    assertThat(PythonLocustfiles.isPython("a.java, b.py")).isTrue();
    assertThat(PythonLocustfiles.isPython("locustfile")).isFalse();
  }

  @Test
  void singleNameGetsPyAppendedAndIsSearchedInParents() throws Exception {
    Path file = touch("locustfile.py");
    Path nested = Files.createDirectories(dir.resolve("deep/er"));

    assertThat(PythonLocustfiles.resolve("locustfile", nested)).containsExactly(file);
  }

  @Test
  void directoryMeansEveryPyFileExceptPrivateOnesAndLocustPy() throws Exception {
    Path a = touch("suite/a.py");
    Path b = touch("suite/sub/b.py");
    touch("suite/_helpers.py");
    touch("suite/locust.py");
    touch("suite/notes.txt");

    assertThat(PythonLocustfiles.resolve("suite", dir)).containsExactly(a, b);
  }

  @Test
  void commaSeparatedFilesMustExistAndEndInPy() throws Exception {
    Path a = touch("a.py");
    Path b = touch("b.py");

    assertThat(PythonLocustfiles.resolve("a.py, b.py", dir)).containsExactly(a, b);
    assertThatThrownBy(() -> PythonLocustfiles.resolve("a.py,b.txt", dir))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage("Invalid file 'b.txt'. File should have '.py' extension");
  }

  @Test
  void missingFilesAndEmptyDirectoriesUseLocustsWording() throws Exception {
    Files.createDirectories(dir.resolve("empty"));

    assertThatThrownBy(() -> PythonLocustfiles.resolve("locustfile", dir))
        .hasMessage("Could not find 'locustfile.py'. See --help for available options.");
    assertThatThrownBy(() -> PythonLocustfiles.resolve("other", dir))
        .hasMessage(
            "Could not find 'other'. Ensure your locustfile ends with '.py' or is a directory with"
                + " locustfiles. See --help for available options.");
    assertThatThrownBy(() -> PythonLocustfiles.resolve("empty", dir))
        .hasMessage(
            "Could not find any locustfiles in directory 'empty'. See --help for available options.");
  }
}
