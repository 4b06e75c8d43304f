package io.hatchery.protocol;

/**
 * A frame that does not decode to a valid Locust message, or a payload that does not have the shape
 * its message type requires.
 *
 * <p>This is the only exception type the decoder lets out, whatever bytes a peer sends.
 */
public final class ProtocolException extends Exception {
  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
