package io.hatchery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class MainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private int run(Map<String, String> env, String... args) {
    Invocation invocation =
        new Invocation(
            env,
            dir,
            dir,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Main(invocation, new Modes(invocation)).run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void versionNamesHatcheryAndTheJavaRuntime() {
    assertThat(run("-V")).isZero();
    assertThat(out()).startsWith("hatchery ").contains("Java " + Runtime.version());
  }

  @Test
  void helpPrintsTheOptionTableAndExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out()).startsWith("Usage: hatchery [OPTIONS] [UserClass ...]").contains("--users");
  }

  @Test
  void unknownOptionExitsOneWithASuggestionInArgparsesFormat() {
    assertThat(run("--hedless")).isEqualTo(1);
    assertThat(err())
        .isEqualTo(
            "hatchery: error: unrecognized arguments: --hedless (did you mean --headless?)"
                + System.lineSeparator());
  }

  @Test
  void unknownConfigFileKeyExitsOne() throws Exception {
    Files.writeString(dir.resolve("locust.conf"), "user = 3\n");
    assertThat(run("--headless")).isEqualTo(1);
    assertThat(err()).contains("unrecognized arguments: --user=3 (in ").contains("did you mean");
  }

  @Test
  void missingConfigFileExitsOne() {
    assertThat(run("--config", "nope.conf")).isEqualTo(1);
    assertThat(err()).contains("hatchery: error: File not found: nope.conf");
  }

  @Test
  void validationFailuresExitOne() {
    assertThat(run("--master", "--worker")).isEqualTo(1);
    assertThat(err()).contains("The --master argument cannot be combined with --worker");
    assertThat(run("--worker", "-t", "5m")).isEqualTo(1);
    assertThat(run("--headless", "-t", "5x")).isEqualTo(1);
    assertThat(err()).contains("Valid --run-time formats are:");
    assertThat(run("-H", "localhost:8080")).isEqualTo(1);
  }

  @Test
  void deprecationNotesGoToStderrBeforeAnythingElse() {
    assertThat(run("--no-web", "--help")).isZero();
    assertThat(err()).startsWith("[DEPRECATED] The --no-web parameter has been renamed --headless");
  }

  @Test
  void environmentErrorsAreReported() {
    assertThat(run(Map.of("LOCUST_USERS", "many"), "--headless")).isEqualTo(1);
    assertThat(err()).contains("argument -u/--users: invalid int value: 'many'");
  }

  @Test
  void decodePrintsAFrameWithItsTypesVisible() {
    // ["heartbeat", {"state": "ready", "current_cpu_usage": 0.0}, "n_1"] as Python msgpack packs
    // it.
    String frame =
        "93a9686561727462656174" // array(3), "heartbeat"
            + "82a57374617465a57265616479" // map(2), "state": "ready"
            + "b163757272656e745f6370755f7573616765cb0000000000000000" // cpu: float64 0.0
            + "a36e5f31"; // "n_1"
    assertThat(run("decode", "--hex", frame)).isZero();
    assertThat(out())
        .isEqualTo(
            frame
                + ": [\"heartbeat\", {\"state\": \"ready\", \"current_cpu_usage\": 0.0}, \"n_1\"]"
                + System.lineSeparator());
  }

  @Test
  void decodeReadsFramesFromFiles() throws Exception {
    Path file = dir.resolve("w2m-quit.msgpack");
    Files.write(
        file,
        new byte[] {(byte) 0x93, (byte) 0xa4, 'q', 'u', 'i', 't', (byte) 0xc0, (byte) 0xa1, 'w'});
    assertThat(run("decode", file.toString())).isZero();
    assertThat(out()).contains(": [\"quit\", nil, \"w\"]");
  }

  @Test
  void decodeOfAMalformedFrameExitsOneWithAReason() {
    assertThat(run("decode", "--hex", "92a471756974c0")).isEqualTo(1);
    assertThat(err()).contains("92a471756974c0: not a valid Locust message: ");
  }

  @Test
  void decodeOfAMissingFileExitsOne() {
    assertThat(run("decode", "/nonexistent/frame.msgpack")).isEqualTo(1);
    assertThat(err()).contains("/nonexistent/frame.msgpack: cannot read:");
  }
}
