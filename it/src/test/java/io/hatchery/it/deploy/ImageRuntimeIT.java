package io.hatchery.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the Docker image's runtime step ({@code deploy/docker/jlink-runtime.sh}) on the built jar
 * and starts the jar on the linked runtime, as the image's entry point does. No Docker engine is
 * needed: this is the part of the image build that could break when the code's modules change.
 */
@Timeout(300)
class ImageRuntimeIT {
  private static Path runtime;
  private static Path jar;

  @BeforeAll
  static void link() throws Exception {
    jar = RepoFiles.resolve("cli/target/hatchery.jar");
    assertThat(jar).as("built by the cli module's package phase").isRegularFile();
    runtime = Path.of("target", "image-runtime").toAbsolutePath();
    Result result =
        run(
            List.of(
                "bash",
                RepoFiles.resolve("deploy/docker/jlink-runtime.sh").toString(),
                jar.toString(),
                runtime.toString()));
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void linkedRuntimeHoldsTheCompilerAndRunsTheJar() throws Exception {
    Result modules = run(List.of(runtime.resolve("bin/java").toString(), "--list-modules"));
    assertThat(modules.output()).contains("jdk.compiler", "jdk.management", "java.base");
    Result help =
        run(List.of(runtime.resolve("bin/java").toString(), "-jar", jar.toString(), "--help"));
    assertThat(help.exitCode()).as(help.output()).isZero();
    assertThat(help.output()).contains("--master", "--worker");
  }

  @Test
  void imageEntryPointMatchesTheLinkedRuntimeLayout() {
    String dockerfile = RepoFiles.read("deploy/docker/Dockerfile");
    assertThat(dockerfile)
        .contains("deploy/docker/jlink-runtime.sh cli/target/hatchery.jar /opt/java")
        .contains("COPY --from=build /opt/java /opt/java")
        .contains(
            "ENTRYPOINT [\"java\", \"--sun-misc-unsafe-memory-access=allow\", \"-jar\","
                + " \"/opt/hatchery/hatchery.jar\"]")
        .containsPattern("(?m)^USER 10001:10001$");
    assertThat(Files.isRegularFile(RepoFiles.resolve("deploy/docker/jlink-runtime.sh"))).isTrue();
  }

  record Result(int exitCode, String output) {}

  static Result run(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(command);
    Process process =
        new ProcessBuilder(full)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    try {
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(240, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out: " + command);
      }
      return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }
}
