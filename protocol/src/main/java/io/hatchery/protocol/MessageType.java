package io.hatchery.protocol;

import java.util.Set;

/**
 * The wire names of every message type Locust has used, in any protocol generation; the only place
 * these strings are spelled.
 *
 * <p>Generations (see docs/PROTOCOL.md): G0 is Locust 0.9 and older (PUSH/PULL), G1 0.10 to 1.1,
 * G1b 1.2 to 1.6, G2 2.0 and later. Types not listed here are custom messages ({@code
 * runner.send_message}), which receivers must tolerate.
 */
public final class MessageType {
  /** W→M, all generations: the worker is ready; data is its version (G2) or nil (before 2.0). */
  public static final String CLIENT_READY = "client_ready";

  /** M→W, 2.10+: reply to an accepted client_ready; data {@code {"index": n}} (nil in 2.10.0). */
  public static final String ACK = "ack";

  /** W→M every second from 0.10; M→W (nil data) in reply from 2.19. */
  public static final String HEARTBEAT = "heartbeat";

  /** M→W from 1.2: start or change the load (legacy rate form in 1.2–1.6, per class in 2.x). */
  public static final String SPAWN = "spawn";

  /** M→W up to 1.1: start the load (renamed {@link #SPAWN} in 1.2). */
  public static final String HATCH = "hatch";

  /** W→M from 1.2, nil data: the worker started a spawn. */
  public static final String SPAWNING = "spawning";

  /** W→M up to 1.1, nil data: the worker started hatching (renamed {@link #SPAWNING} in 1.2). */
  public static final String HATCHING = "hatching";

  /** W→M from 1.2 after each spawn; M→W from 2.29 when the whole ramp-up finished. */
  public static final String SPAWNING_COMPLETE = "spawning_complete";

  /** W→M up to 1.1: hatching finished, data {@code {"count": n}}. */
  public static final String HATCH_COMPLETE = "hatch_complete";

  /** W→M every 3 seconds: request statistics since the previous report. */
  public static final String STATS = "stats";

  /** M→W, nil data: stop all users. */
  public static final String STOP = "stop";

  /** W→M, nil data: the worker stopped its users after a stop. */
  public static final String CLIENT_STOPPED = "client_stopped";

  /** Both directions, nil data: M→W shut down; W→M the worker process is leaving. */
  public static final String QUIT = "quit";

  /** W→M: a user task raised; data {@code {"msg", "traceback"}}. */
  public static final String EXCEPTION = "exception";

  /** M→W from 2.10, nil data: the master could not decode the worker's last frame. */
  public static final String RECONNECT = "reconnect";

  /** Both directions from 2.23: locustfile download request (W→M) and reply (M→W). */
  public static final String LOCUSTFILE = "locustfile";

  /** M→W from 2.25: the web UI edited a user class. */
  public static final String UPDATE_USER_CLASS = "update_user_class";

  /** W→M from 2.29: new log lines of the worker. */
  public static final String LOGS = "logs";

  private static final Set<String> KNOWN =
      Set.of(
          CLIENT_READY,
          ACK,
          HEARTBEAT,
          SPAWN,
          HATCH,
          SPAWNING,
          HATCHING,
          SPAWNING_COMPLETE,
          HATCH_COMPLETE,
          STATS,
          STOP,
          CLIENT_STOPPED,
          QUIT,
          EXCEPTION,
          RECONNECT,
          LOCUSTFILE,
          UPDATE_USER_CLASS,
          LOGS);

  private MessageType() {}

  /** Returns every type above; anything else on the wire is a custom message. */
  public static Set<String> known() {
    return KNOWN;
  }

  /** Returns whether {@code type} is one of Locust's own message types (not a custom one). */
  public static boolean isKnown(String type) {
    return KNOWN.contains(type);
  }
}
