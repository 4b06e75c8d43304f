package io.hatchery.master.runner;

import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.protocol.DataReader;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.HeartbeatDataReader;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.transport.PushPullRpcServer;
import io.hatchery.protocol.transport.RpcServer;
import io.hatchery.protocol.transport.ZmqRpcServer;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configures and starts a {@link Master}: the transport (bind ROUTER, bind Locust 0.9's PUSH/PULL
 * pair, or any given {@link RpcServer} such as {@code InprocRpc.server()}), the user classes, the
 * options sent to workers and the timing. Not thread-safe; use once.
 */
public final class MasterBuilder {
  /**
   * The message types the TCP ROUTER's I/O thread reads straight into typed values rather than
   * generic maps: reports into statistics ({@link StatsDataReader}), heartbeats into {@link
   * HeartbeatPayload}s. {@link WorkerMessages} takes either form, as the other transports decode
   * generically.
   */
  static final Map<String, DataReader> TYPED_READERS =
      Map.of(
          MessageType.STATS, new StatsDataReader(),
          MessageType.HEARTBEAT, new HeartbeatDataReader());

  private MasterSettings settings = MasterSettings.defaults(List.of());
  private InstantSource clock = InstantSource.system();
  private RpcServer rpc;
  private String bindHost;
  private int bindPort = -1;
  private boolean legacy;

  MasterBuilder() {}

  /** The user classes to dispatch (the CLI reads them from the scenario); empty: one default. */
  public MasterBuilder userClasses(List<UserClassSpec> classes) {
    settings = settings.withUserClasses(classes);
    return this;
  }

  /** The master's options, sent to workers as {@code parsed_options} without secrets. */
  public MasterBuilder parsedOptions(Map<String, ?> options) {
    settings = settings.withParsedOptions(options);
    return this;
  }

  public MasterBuilder host(String host) {
    settings = settings.withHost(Optional.ofNullable(host).filter(h -> !h.isEmpty()));
    return this;
  }

  /** Locust's {@code --stop-timeout}: sent in {@code spawn}, and waited for on stop and quit. */
  public MasterBuilder stopTimeout(Duration timeout) {
    settings = settings.withStopTimeout(Optional.ofNullable(timeout));
    return this;
  }

  /**
   * False restores Locust 2.12.1's default: a missing worker's users move only when it is removed.
   */
  public MasterBuilder rebalance(boolean enabled) {
    settings = settings.withRebalance(enabled);
    return this;
  }

  /** Replaces every setting at once (tests, the CLI). */
  public MasterBuilder settings(MasterSettings newSettings) {
    settings = newSettings;
    return this;
  }

  public MasterBuilder clock(InstantSource newClock) {
    clock = newClock;
    return this;
  }

  /** Binds a ROUTER on {@code tcp://host:port} (port 0: ephemeral, see {@link Master#port()}). */
  public MasterBuilder bind(String host, int port) {
    this.bindHost = host;
    this.bindPort = port;
    this.legacy = false;
    return this;
  }

  /** Binds Locust 0.9's PULL on {@code port} and PUSH on {@code port + 1}; workers speak G0. */
  public MasterBuilder bindLegacy(String host, int port) {
    this.bindHost = host;
    this.bindPort = port;
    this.legacy = true;
    return this;
  }

  /** Uses {@code server} (not closed by the master), e.g. {@code InprocRpc.server()}. */
  public MasterBuilder rpc(RpcServer server) {
    this.rpc = server;
    return this;
  }

  /**
   * Binds (if asked), starts the control thread and returns the running master.
   *
   * @throws java.net.BindException if the port is in use
   */
  public Master start() throws IOException {
    Master master;
    if (rpc != null) {
      master = new Master(rpc, false, -1, clock, settings);
    } else if (bindHost == null) {
      throw new IllegalStateException("call bind, bindLegacy or rpc first");
    } else if (legacy) {
      PushPullRpcServer server = PushPullRpcServer.bind(bindHost, bindPort);
      master = new Master(server, true, server.port(), clock, settings.withLegacyG0(true));
    } else {
      ZmqRpcServer server = ZmqRpcServer.bind(bindHost, bindPort, TYPED_READERS);
      master = new Master(server, true, server.port(), clock, settings);
      master.startOnIoThread(server);
      return master;
    }
    master.startThread();
    return master;
  }
}
