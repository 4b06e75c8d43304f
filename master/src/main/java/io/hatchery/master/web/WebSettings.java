package io.hatchery.master.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the master's web UI is served: Locust 2.12.1's {@code --web-host}, {@code --web-port}, {@code
 * --web-auth}, {@code --tls-cert}/{@code --tls-key}, {@code --autostart}, {@code --autoquit} and
 * {@code --csv-full-history}, already parsed by the command line. Immutable.
 *
 * @param host the interface to bind; {@code ""} or {@code "*"} for every interface (Locust's
 *     default)
 * @param port the TCP port; 0 picks a free one (tests), Locust's default is 8089
 * @param auth Basic auth for every route, empty for none
 * @param tls HTTPS certificate and key, empty for plain HTTP
 * @param autostart start this swarm once its workers are ready (Locust's {@code --autostart} with
 *     {@code -u}, {@code -r}, {@code -H}, {@code -t} and {@code --expect-workers}), empty to wait
 *     for the form
 * @param autoquit with autostart: quit the master this long after the run stopped, empty to keep
 *     serving
 * @param fullHistoryCsv the {@code _stats_history.csv} file written with {@code
 *     --csv-full-history}, served by {@code /stats/requests_full_history/csv}; empty for a 404 as
 *     in Locust
 * @param historyInterval how often chart history is sampled from the master's snapshot
 */
public record WebSettings(
    String host,
    int port,
    Optional<WebCredentials> auth,
    Optional<TlsFiles> tls,
    Optional<Autostart> autostart,
    Optional<Duration> autoquit,
    Optional<Path> fullHistoryCsv,
    Duration historyInterval) {

  /** Locust's default web port. */
  public static final int DEFAULT_PORT = 8089;

  /** The chart sampling period: the page polls every 2 s, Locust's report history uses 5 s. */
  public static final Duration DEFAULT_HISTORY_INTERVAL = Duration.ofSeconds(2);

  public WebSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(autostart, "autostart");
    Objects.requireNonNull(autoquit, "autoquit");
    Objects.requireNonNull(fullHistoryCsv, "fullHistoryCsv");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--web-port must be 0..65535: " + port);
    }
    if (historyInterval.isNegative() || historyInterval.isZero()) {
      throw new IllegalArgumentException("history interval must be > 0: " + historyInterval);
    }
  }

  /** Plain HTTP on {@code host:port}, no auth, nothing automatic. */
  public static WebSettings of(String host, int port) {
    return new WebSettings(
        host,
        port,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_HISTORY_INTERVAL);
  }

  /** This with Basic auth. */
  public WebSettings withAuth(WebCredentials credentials) {
    return new WebSettings(
        host,
        port,
        Optional.of(credentials),
        tls,
        autostart,
        autoquit,
        fullHistoryCsv,
        historyInterval);
  }

  /** This with HTTPS. */
  public WebSettings withTls(TlsFiles files) {
    return new WebSettings(
        host, port, auth, Optional.of(files), autostart, autoquit, fullHistoryCsv, historyInterval);
  }

  /** This with {@code --autostart}, and {@code --autoquit} when given. */
  public WebSettings withAutostart(Autostart start, Optional<Duration> quitAfterStopped) {
    return new WebSettings(
        host,
        port,
        auth,
        tls,
        Optional.of(start),
        quitAfterStopped,
        fullHistoryCsv,
        historyInterval);
  }

  /** This serving {@code file} at {@code /stats/requests_full_history/csv}. */
  public WebSettings withFullHistoryCsv(Path file) {
    return new WebSettings(
        host, port, auth, tls, autostart, autoquit, Optional.of(file), historyInterval);
  }

  /** This with another chart sampling period. */
  public WebSettings withHistoryInterval(Duration interval) {
    return new WebSettings(host, port, auth, tls, autostart, autoquit, fullHistoryCsv, interval);
  }

  /** The address to bind: every interface for {@code ""} and {@code "*"}. */
  String bindAddress() {
    return host.isEmpty() || host.equals("*") ? "0.0.0.0" : host;
  }
}
