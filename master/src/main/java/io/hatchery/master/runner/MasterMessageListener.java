package io.hatchery.master.runner;

/**
 * Receives custom messages of one type from workers; the master side of Locust's {@code
 * runner.register_message(type, listener)}.
 *
 * <p>Threading: called on the master's control thread; must return quickly. Only messages from
 * registered workers are delivered.
 */
@FunctionalInterface
public interface MasterMessageListener {

  /**
   * @param nodeId the sending worker
   * @param data the message data, decoded as in {@code io.hatchery.protocol.Message}
   */
  void onMessage(String nodeId, Object data);
}
