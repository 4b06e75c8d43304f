package io.hatchery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(30)
class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void versionNamesHatcheryAndTheJavaRuntime() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("hatchery ").contains("Java " + Runtime.version());
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
    assertThat(out.toString())
        .isEqualTo(
            frame
                + ": [\"heartbeat\", {\"state\": \"ready\", \"current_cpu_usage\": 0.0}, \"n_1\"]"
                + System.lineSeparator());
  }

  @Test
  void decodeReadsFramesFromFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("w2m-quit.msgpack");
    Files.write(
        file,
        new byte[] {(byte) 0x93, (byte) 0xa4, 'q', 'u', 'i', 't', (byte) 0xc0, (byte) 0xa1, 'w'});
    assertThat(run("decode", file.toString())).isZero();
    assertThat(out.toString()).contains(": [\"quit\", nil, \"w\"]");
  }

  @Test
  void decodeOfAMalformedFrameExitsOneWithAReason() {
    assertThat(run("decode", "--hex", "92a471756974c0")).isEqualTo(1);
    assertThat(err.toString()).contains("92a471756974c0: not a valid Locust message: ");
  }

  @Test
  void decodeOfAMissingFileExitsOne() {
    assertThat(run("decode", "/nonexistent/frame.msgpack")).isEqualTo(1);
    assertThat(err.toString()).contains("/nonexistent/frame.msgpack: cannot read:");
  }
}
