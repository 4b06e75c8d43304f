package io.hatchery.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class SettingsValidationTest {
  @TempDir Path dir;

  private UsageException refusal(String... args) throws UsageException {
    Settings settings = new ConfigSources(dir, dir, Map.of()).resolve(List.of(args));
    return catchThrowableOfType(UsageException.class, () -> SettingsValidation.check(settings));
  }

  private void assertRefused(String message, int exitCode, String... args) throws Exception {
    UsageException e = refusal(args);
    assertThat(e).as("refusal of %s", List.of(args)).isNotNull();
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.exitCode()).isEqualTo(exitCode);
  }

  @Test
  void masterWithWorkerExitsOne() throws Exception {
    assertRefused(
        "The --master argument cannot be combined with --worker", 1, "--master", "--worker");
  }

  @Test
  void runTimeOnAWorkerIsRefused() throws Exception {
    assertRefused(
        "--run-time should be specified on the master node, and not on worker nodes",
        1,
        "--worker",
        "-t",
        "10s");
  }

  @Test
  void badRunTimeIsRefused() throws Exception {
    assertRefused(
        "Valid --run-time formats are: 20, 20s, 3m, 2h, 1h20m, 3h30m10s, etc.",
        1,
        "--headless",
        "-t",
        "1x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "ftp://example.com", "http://", "http//x", "http://a b"})
  void hostThatIsNotAnHttpUrlIsRefused(String host) throws Exception {
    UsageException e = refusal("-H", host);
    assertThat(e).isNotNull();
    assertThat(e.getMessage())
        .startsWith("Invalid --host '" + host + "': ")
        .endsWith("(expected e.g. http://10.21.32.33)");
    assertThat(e.exitCode()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.21.32.33", "https://example.com:8443/base", "http://[::1]"})
  void httpUrlsAreAccepted(String host) throws Exception {
    assertThat(refusal("-H", host)).isNull();
  }

  @Test
  void locustsOtherRefusals() throws Exception {
    assertRefused(
        "--autoquit is only meaningful in combination with --autostart", 1, "--autoquit", "5");
    assertRefused(
        "Invalid --loglevel. Valid values are: DEBUG/INFO/WARNING/ERROR/CRITICAL",
        1,
        "-L",
        "verbose");
    assertRefused(
        "Credentials supplied with --web-auth should have the format: username:password",
        1,
        "--web-auth",
        "nocolon");
    assertRefused(
        "hatchery: error: '--csv-full-history' requires '--csv'.", 1, "--csv-full-history");
    assertThat(refusal("--step-load").getMessage())
        .startsWith("The step load feature was removed in Locust 1.3.");
    assertRefused("--tls-cert and --tls-key must be given together", 1, "--tls-cert", "c.pem");
  }

  @Test
  void loglevelIsCaseInsensitiveAndUncheckedWithSkipLogSetup() throws Exception {
    assertThat(refusal("-L", "debug")).isNull();
    assertThat(refusal("-L", "verbose", "--skip-log-setup")).isNull();
  }

  @Test
  void aPlainHeadlessRunPasses() throws Exception {
    assertThat(refusal("--headless", "-u", "10", "-r", "2", "-t", "1h30m", "-H", "http://x"))
        .isNull();
  }
}
