package io.hatchery.master.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.dispatch.UserClassSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class PythonLocustfileReaderEdgeTest {
  @TempDir Path dir;

  private static LocustfileReading read(String source) {
    return PythonLocustfileReader.read("test.py", source);
  }

  @Test
  void aClassDefinedAgainKeepsItsFirstPositionAndTakesTheLaterBody() {
    LocustfileReading reading =
        read(
            """
            from locust import User
            class A(User):
                weight = 1
            class B(User):
                pass
            class A(User):
                weight = 7
            """);

    assertThat(reading.userClasses())
        .containsExactly(UserClassSpec.weighted("A", 7), UserClassSpec.weighted("B", 1));
    assertThat(reading.warnings())
        .extracting(LocustfileWarning::toString)
        .containsExactly(
            "test.py:6: A is defined again; the later definition is used, as in Python");
  }

  @Test
  void keywordBasesSubscriptsAndMixinsDoNotHideAUserBase() {
    LocustfileReading reading =
        read(
            """
            from abc import ABCMeta
            from mixins import Logging
            import locust as l
            class Meta(l.FastHttpUser, metaclass=ABCMeta):
                pass
            class Typed(Generic[T], Logging, l.User):
                fixed_count = 3
            """);

    assertThat(reading.userClasses())
        .containsExactly(UserClassSpec.weighted("Meta", 1), new UserClassSpec("Typed", 1, 3));
    assertThat(reading.warnings()).isEmpty();
  }

  @Test
  void starImportFromAnotherModuleMakesAnUnknownBaseAWarning() {
    LocustfileReading reading =
        read(
            """
            from base_users import *
            class Shopper(Customer):
                weight = 3
            """);

    assertThat(reading.userClasses()).isEmpty();
    assertThat(reading.warnings())
        .extracting(LocustfileWarning::toString)
        .containsExactly(
            "test.py:2: cannot tell whether Shopper is a User: base 'Customer' may come from"
                + " 'from base_users import *'; class skipped");
  }

  @Test
  void helperClassesOnOtherLibrariesAreSkippedWithoutWarning() {
    LocustfileReading reading =
        read(
            """
            from xmlrpc.client import ServerProxy
            class XmlRpcClient(ServerProxy):
                pass
            class Session(requests.Session):
                pass
            """);

    assertThat(reading.userClasses()).isEmpty();
    assertThat(reading.warnings()).isEmpty();
  }

  @Test
  void usersFromLocustContribAreUsers() {
    LocustfileReading reading =
        read(
            """
            from locust.contrib.postgres import PostgresUser
            class Db(PostgresUser):
                weight = 2
            """);

    assertThat(reading.userClasses()).containsExactly(UserClassSpec.weighted("Db", 2));
  }

  @Test
  void binaryGarbageYieldsWarningsNotExceptions() {
    StringBuilder garbage = new StringBuilder();
    for (int i = 0; i < 4096; i++) {
      garbage.append((char) ((i * 7919) % 0x3000));
    }

    LocustfileReading reading = read(garbage + "\nclass Z(User:\n    '''\n");

    assertThat(reading.userClasses()).isEmpty();
    assertThat(reading.warnings()).isNotEmpty();
  }

  @Test
  void severalFilesAreReadInOrderAndADuplicateNameIsWarnedAndIgnored() throws Exception {
    Path first = Files.writeString(dir.resolve("a.py"), "class Web(HttpUser):\n    weight = 2\n");
    Path second =
        Files.writeString(
            dir.resolve("b.py"), "class Web(HttpUser):\n    weight = 5\nclass Api(User): pass\n");

    LocustfileReading reading = PythonLocustfileReader.read(List.of(first, second));

    assertThat(reading.userClasses())
        .containsExactly(UserClassSpec.weighted("Web", 2), UserClassSpec.weighted("Api", 1));
    assertThat(reading.warnings())
        .extracting(LocustfileWarning::toString)
        .containsExactly(
            second
                + ":1: duplicate user class name Web, first defined in "
                + first
                + "; this one is ignored");
  }
}
