package io.hatchery.master.control;

/**
 * What the web UI, the REST API and the headless runner may do with a running master. Every method
 * may be called from any thread: commands are handed to the master's control thread and their
 * effect becomes visible in a later {@link #snapshot()}.
 */
public interface MasterControl {

  /**
   * Returns the latest published state of the run: an immutable snapshot, cheap to call, never
   * blocked by message handling or stats merging.
   */
  MasterSnapshot snapshot();

  /**
   * Starts a test, or edits the running one (Locust's {@code POST /swarm}): users are dispatched to
   * the workers at the spawn rate.
   *
   * @throws IllegalArgumentException for a negative user count, a spawn rate &le; 0, an unknown
   *     user class or a host that is not an http(s) URL; the message is fit to show to a user
   * @throws IllegalStateException when the master is quitting
   */
  void start(SwarmRequest request);

  /** Stops every worker's users (Locust's {@code /stop}); a no-op when nothing runs. */
  void stop();

  /** Zeroes the statistics and the exceptions (Locust's {@code /stats/reset}). */
  void resetStats();

  /** Stops the run, tells every worker to quit and shuts the master down. Idempotent. */
  void quit();

  /**
   * Sends a custom message to one worker, or to every worker when {@code nodeId} is null (Locust's
   * master {@code send_message(type, data, client_id)}).
   *
   * @throws IllegalArgumentException for a Locust message type or data the codec cannot encode
   */
  void sendMessage(String type, Object data, String nodeId);
}
