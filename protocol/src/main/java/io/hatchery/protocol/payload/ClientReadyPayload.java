package io.hatchery.protocol.payload;

import java.util.Optional;

/**
 * The data of {@code client_ready} (W→M): the worker's Locust version, in whichever form the worker
 * sends it. Never rejects: odd values become {@link Kind#ODD} for the master to log and ignore,
 * where a Python 2.12.1 master would crash its listener (protocol.md §8.2).
 *
 * <p>Mirrors the version check in {@code MasterRunner.handle_message} (Locust 2.0+). Immutable.
 *
 * <pre>{@code
 * new Message(MessageType.CLIENT_READY, ClientReadyPayload.minusOne().toData(), nodeId);
 * }</pre>
 *
 * @param kind which form the worker used
 * @param data the data exactly as received, so {@link #toData()} re-encodes it unchanged
 */
public record ClientReadyPayload(Kind kind, Object data) {
  private static final long MINUS_ONE = -1L;
  private static final String MINUS_ONE_TEXT = "-1";

  /** The forms of client_ready data seen in the wild. */
  public enum Kind {
    /** A version string such as {@code "2.12.1"} (pip-installed Python workers). */
    VERSION,
    /** {@code ""}: Debian's python3-locust 2.12.1 reports an empty version (§8.1). */
    EMPTY_VERSION,
    /** int -1: Boomer, Locust4j 2.2.2+, our worker; 2.x masters accept it silently. */
    MINUS_ONE,
    /** str "-1": Locust4j 2.0.x; accepted by 2.x masters with a version warning. */
    MINUS_ONE_STRING,
    /** nil: a pre-2.0 worker (Locust 0.x/1.x, Boomer v1.6.0, Locust4j 1.x), refused by 2.x. */
    PRE_2_0,
    /** Anything else (other ints, floats, bools, containers): log and ignore. */
    ODD
  }

  public ClientReadyPayload {
    if (kind != classify(data)) {
      throw new IllegalArgumentException(kind + " does not describe " + data);
    }
  }

  /** Returns the payload our worker sends: int -1, accepted silently by every 2.x master. */
  public static ClientReadyPayload minusOne() {
    return new ClientReadyPayload(Kind.MINUS_ONE, MINUS_ONE);
  }

  /** Returns a payload announcing {@code version}, classified as {@link #from} would. */
  public static ClientReadyPayload version(String version) {
    return from(version);
  }

  /** Classifies {@code data}; never throws, whatever the data. */
  public static ClientReadyPayload from(Object data) {
    return new ClientReadyPayload(classify(data), data);
  }

  private static Kind classify(Object data) {
    return switch (data) {
      case null -> Kind.PRE_2_0;
      case Long l when l == MINUS_ONE -> Kind.MINUS_ONE;
      case String s when s.isEmpty() -> Kind.EMPTY_VERSION;
      case String s when s.equals(MINUS_ONE_TEXT) -> Kind.MINUS_ONE_STRING;
      case String s -> Kind.VERSION;
      default -> Kind.ODD;
    };
  }

  /** Returns the version text for {@link Kind#VERSION}, empty for every other kind. */
  public Optional<String> versionText() {
    return kind == Kind.VERSION ? Optional.of((String) data) : Optional.empty();
  }

  /** Returns whether a 2.x master should register the worker (all but nil and odd values). */
  public boolean isAcceptable() {
    return kind != Kind.PRE_2_0 && kind != Kind.ODD;
  }

  /** Returns the data to put in the message, exactly as received or built. */
  public Object toData() {
    return data;
  }
}
