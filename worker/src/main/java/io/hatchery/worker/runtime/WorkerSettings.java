package io.hatchery.worker.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a worker finds its master and paces its side of the protocol; the worker's command-line
 * options ({@code --master-host}, {@code --master-port}, {@code --stop-timeout}) plus the constants
 * Locust hard-codes in locust/runners.py, exposed here so tests and soak runs can shorten them.
 * Immutable.
 *
 * <pre>{@code
 * WorkerSettings settings = WorkerSettings.defaults("10.0.0.5", 5557)
 *     .withStopTimeout(Duration.ofSeconds(10));
 * int exitCode = WorkerRuntime.run(settings, bridge);
 * }</pre>
 *
 * @param masterHost the master's host name or address ({@code --master-host}, Locust default
 *     127.0.0.1)
 * @param masterPort the master's port ({@code --master-port}, Locust default 5557)
 * @param nodeId the node id to announce, or {@code null} to generate {@code hostname_<32 hex>}
 * @param stopTimeout how long a stopped user may finish its task when the master's spawn did not
 *     say ({@code --stop-timeout}; Locust's default None means zero)
 * @param heartbeatInterval worker heartbeat period ({@code HEARTBEAT_INTERVAL}, 1 s)
 * @param reportInterval stats report period ({@code WORKER_REPORT_INTERVAL}, 3 s)
 * @param connectTimeout how long to wait for {@code ack} before re-sending {@code client_ready}
 *     ({@code CONNECT_TIMEOUT}, 5 s)
 * @param connectRetries how many {@code client_ready} go unanswered before the worker gives up
 *     ({@code CONNECT_RETRY_COUNT}, 60)
 * @param masterHeartbeatTimeout how long the master may stay silent once it has sent a heartbeat
 *     ({@code MASTER_HEARTBEAT_TIMEOUT}, 60 s, Locust 2.19+)
 * @param masterLostExitAfter how long the worker keeps re-registering with a silent master before
 *     it exits with {@link WorkerRuntime#EXIT_MASTER_LOST} (default: connect timeout &times;
 *     retries, 5 min)
 * @param maxExceptionsPerInterval {@code exception} messages sent per report interval at most;
 *     further user errors are counted and dropped (Locust sends every one)
 */
public record WorkerSettings(
    String masterHost,
    int masterPort,
    String nodeId,
    Duration stopTimeout,
    Duration heartbeatInterval,
    Duration reportInterval,
    Duration connectTimeout,
    int connectRetries,
    Duration masterHeartbeatTimeout,
    Duration masterLostExitAfter,
    int maxExceptionsPerInterval) {

  /** Locust's default master port. */
  public static final int DEFAULT_MASTER_PORT = 5557;

  public WorkerSettings {
    Objects.requireNonNull(masterHost, "masterHost");
    if (masterPort < 0 || masterPort > 65_535) {
      throw new IllegalArgumentException("masterPort out of range: " + masterPort);
    }
    positive(heartbeatInterval, "heartbeatInterval");
    positive(reportInterval, "reportInterval");
    positive(connectTimeout, "connectTimeout");
    positive(masterHeartbeatTimeout, "masterHeartbeatTimeout");
    positive(masterLostExitAfter, "masterLostExitAfter");
    if (stopTimeout == null || stopTimeout.isNegative()) {
      throw new IllegalArgumentException("stopTimeout must be >= 0: " + stopTimeout);
    }
    if (connectRetries < 1 || maxExceptionsPerInterval < 0) {
      throw new IllegalArgumentException("connectRetries >= 1, maxExceptionsPerInterval >= 0");
    }
  }

  /** Returns Locust 2.x's defaults for a master at {@code masterHost:masterPort}. */
  public static WorkerSettings defaults(String masterHost, int masterPort) {
    return new WorkerSettings(
        masterHost,
        masterPort,
        null,
        Duration.ZERO,
        Duration.ofSeconds(1),
        Duration.ofSeconds(3),
        Duration.ofSeconds(5),
        60,
        Duration.ofSeconds(60),
        Duration.ofMinutes(5),
        100);
  }

  /** Returns a copy announcing {@code nodeId} instead of a generated one. */
  public WorkerSettings withNodeId(String nodeId) {
    return new WorkerSettings(
        masterHost,
        masterPort,
        nodeId,
        stopTimeout,
        heartbeatInterval,
        reportInterval,
        connectTimeout,
        connectRetries,
        masterHeartbeatTimeout,
        masterLostExitAfter,
        maxExceptionsPerInterval);
  }

  /** Returns a copy with another default stop timeout. */
  public WorkerSettings withStopTimeout(Duration stopTimeout) {
    return new WorkerSettings(
        masterHost,
        masterPort,
        nodeId,
        stopTimeout,
        heartbeatInterval,
        reportInterval,
        connectTimeout,
        connectRetries,
        masterHeartbeatTimeout,
        masterLostExitAfter,
        maxExceptionsPerInterval);
  }

  /** Returns a copy with another master-silence policy. */
  public WorkerSettings withMasterLiveness(
      Duration masterHeartbeatTimeout, Duration masterLostExitAfter) {
    return new WorkerSettings(
        masterHost,
        masterPort,
        nodeId,
        stopTimeout,
        heartbeatInterval,
        reportInterval,
        connectTimeout,
        connectRetries,
        masterHeartbeatTimeout,
        masterLostExitAfter,
        maxExceptionsPerInterval);
  }

  /** Returns the node id to use: the configured one, or a fresh {@link NodeIds#generate()}. */
  public String nodeIdOrGenerated() {
    return nodeId != null ? nodeId : NodeIds.generate();
  }

  private static void positive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0: " + duration);
    }
  }
}
