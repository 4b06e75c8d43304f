package io.hatchery;

/**
 * Receives custom messages registered with {@link Runner#registerMessage}; Locust's listener {@code
 * fn(environment, msg)}. Called on the runner's control thread; must not block.
 */
@FunctionalInterface
public interface CustomMessageListener {

  /**
   * @param type the message type it was registered for
   * @param data the decoded data (see the protocol codec's value mapping)
   * @param nodeId the sender's node id (the master's message carries the worker's own id)
   */
  void onMessage(String type, Object data, String nodeId);
}
