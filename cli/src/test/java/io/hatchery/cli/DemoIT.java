package io.hatchery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hatchery demo} with a short run time: a master in this JVM and two worker processes run
 * the repository's examples/QuickstartUser.java against the demo target.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DemoIT {

  @Test
  void demoRunsTwoWorkerProcessesAndWritesTheCsvFiles(@TempDir Path dir) throws Exception {
    Path example = Path.of("..", "examples", "QuickstartUser.java");
    Files.createDirectories(dir.resolve("examples"));
    Files.copy(example, dir.resolve("examples/QuickstartUser.java"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Invocation invocation =
        new Invocation(
            Map.of(),
            dir,
            dir,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(new Demo(invocation, "15s").run()).as(err.toString()).isZero();
    List<String> csv = Files.readAllLines(dir.resolve("demo_stats.csv"));
    String aggregated = csv.get(csv.size() - 1);
    assertThat(aggregated).startsWith(",Aggregated,");
    assertThat(Long.parseLong(aggregated.split(",")[2])).isPositive();
    assertThat(String.join("\n", csv)).contains("POST,/login,");
    assertThat(Files.readString(dir.resolve("demo-report.html"))).contains("/login");
  }

  @Test
  void demoOutsideTheRepositorySaysWhereToRunIt(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Invocation invocation =
        new Invocation(
            Map.of(),
            dir,
            dir,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(new Demo(invocation, "1s").run()).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("run it from the repository root");
  }
}
