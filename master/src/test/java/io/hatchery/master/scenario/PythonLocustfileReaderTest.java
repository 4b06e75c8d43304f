package io.hatchery.master.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.dispatch.UserClassSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PythonLocustfileReaderTest {
  private static final Path FIXTURES = Path.of("src/test/resources/locustfiles");

  @Test
  void quickstartFromLocustsDocsHasOneUserOfWeightOne() throws Exception {
    LocustfileReading reading =
        PythonLocustfileReader.read(List.of(FIXTURES.resolve("quickstart.py")));

    assertThat(reading.userClasses()).containsExactly(UserClassSpec.weighted("QuickstartUser", 1));
    assertThat(reading.warnings()).isEmpty();
  }

  @Test
  void severalUsersWithInheritanceAliasesDecoratorsAndStringsAreReadInFileOrder() throws Exception {
    LocustfileReading reading =
        PythonLocustfileReader.read(List.of(FIXTURES.resolve("several_users.py")));

    assertThat(reading.userClasses())
        .containsExactly(
            UserClassSpec.weighted("ReadUser", 4),
            UserClassSpec.weighted("WriteUser", 1),
            new UserClassSpec("AdminUser", 1, 1),
            UserClassSpec.weighted("FastUser", 0.5),
            new UserClassSpec("BackgroundUser", 2, 2),
            UserClassSpec.weighted("Mixed", 1000),
            UserClassSpec.weighted("Tiny", 25));
    assertThat(reading.warnings()).isEmpty();
  }

  @Test
  void whatCannotBeReadIsWarnedWithFileAndLineAndNeverThrows() throws Exception {
    Path file = FIXTURES.resolve("unreadable.py");

    LocustfileReading reading = PythonLocustfileReader.read(List.of(file));

    assertThat(reading.userClasses())
        .containsExactly(
            UserClassSpec.weighted("EnvWeightUser", 1), UserClassSpec.weighted("Flag", 1));
    assertThat(reading.warnings())
        .extracting(LocustfileWarning::toString)
        .containsExactly(
            file
                + ":3: 'AuthenticatedUser' is imported from module 'common.users' and not read; if"
                + " it is a User class, Python Locust runs it but this master does not know it",
            file + ":9: EnvWeightUser.weight is not a number literal; using 1 (WEIGHT)",
            file
                + ":10: EnvWeightUser.fixed_count is not a non-negative int literal; using 0 (2.5)",
            file
                + ":13: cannot tell whether ImportedBaseUser is a User: base 'AuthenticatedUser'"
                + " is imported from module 'common.users'; class skipped",
            file + ":17: ZeroUser.weight is 0, not positive; class left out",
            file
                + ":22: class ConditionalUser is defined inside a top-level 'if' block; only"
                + " unconditional top-level classes are read",
            file
                + ":27: Flag.abstract is not True or False; read as False (os . environ . get ("
                + " \"ABSTRACT\" ) == \"1\")",
            file + ":29: conditional assignment of weight in class Flag is not read",
            file + ":32: '(' is never closed",
            file + ":32: cannot read the class statement of Broken; skipped");
  }
}
