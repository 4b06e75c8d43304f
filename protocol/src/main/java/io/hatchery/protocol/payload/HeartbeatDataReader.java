package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.PayloadKeys.COUNT;
import static io.hatchery.protocol.payload.PayloadKeys.CURRENT_CPU_USAGE;
import static io.hatchery.protocol.payload.PayloadKeys.CURRENT_MEMORY_USAGE;
import static io.hatchery.protocol.payload.PayloadKeys.STATE;

import io.hatchery.protocol.DataReader;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.msgpack.MsgpackReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a {@code heartbeat}'s data straight from its frame into a {@link HeartbeatPayload}, with no
 * map, boxed numbers or state string in between: three of every four messages a master receives are
 * heartbeats.
 *
 * <p>It takes the shapes workers send (a map with str keys, {@code state} a str that names a {@link
 * WorkerState}, numbers or nil for the rest, other keys skipped) and hands everything else back
 * (returns null, see {@link DataReader}): a known key written twice, a key that is not a str, a
 * known key spelled in an unusual str width, an unknown state, a memory usage or count that is a
 * float with a fraction. So {@link HeartbeatPayload#from} of the generic decoding stays the one
 * definition of what a heartbeat means and of the error a malformed one gets; what this reader
 * accepts equals what {@code from} makes of the same frame ({@code HeartbeatDataReaderTest}).
 *
 * <p>Thread-safety: stateless; runs on a transport's I/O thread.
 */
public final class HeartbeatDataReader implements DataReader {
  /** Nesting level of the data as the generic decoding counts it: the envelope array is level 1. */
  private static final int DATA_DEPTH = 2;

  private static final int STATE_KEY = 0;
  private static final int CPU_KEY = 1;
  private static final int MEMORY_KEY = 2;
  private static final int COUNT_KEY = 3;

  /** {@link #knownKey}: a key the reader does not take. */
  private static final int HAND_BACK = -2;

  /** {@link #knownKey}: a str key that is none of {@link #KEYS}. */
  private static final int OTHER_KEY = -1;

  /** The known keys, by the indices above; {@code state}, CPU and memory in Locust's order. */
  private static final List<String> KEYS =
      List.of(STATE, CURRENT_CPU_USAGE, CURRENT_MEMORY_USAGE, COUNT);

  private static final byte[][] KEY_BYTES = utf8(KEYS);

  private static final WorkerState[] STATES = WorkerState.values();

  private static final byte[][] STATE_BYTES =
      utf8(Arrays.stream(STATES).map(WorkerState::wire).toList());

  @Override
  public Object read(MsgpackReader in, byte[] frame) throws ProtocolException {
    if (!in.nextIsMap()) {
      return null;
    }
    int pairs = in.readMapHeader(DATA_DEPTH);
    WorkerState state = null;
    Double cpuPercent = null;
    Long memoryBytes = null;
    Long count = null;
    int seen = 0;
    for (int i = 0; i < pairs; i++) {
      int key = knownKey(in);
      if (key == HAND_BACK) {
        return null;
      }
      if (key == OTHER_KEY) {
        in.readElement(DATA_DEPTH);
        continue;
      }
      if ((seen & (1 << key)) != 0) {
        return null; // last wins in the generic map
      }
      seen |= 1 << key;
      if (key == STATE_KEY) {
        state = state(in);
        if (state == null) {
          return null;
        }
      } else if (in.nextIsNil()) {
        in.readNil(); // as absent: the generic map's get returns null for it too
      } else if (key == CPU_KEY) {
        if (in.nextIsInt()) {
          cpuPercent = (double) in.readInt();
        } else if (in.nextIsFloat()) {
          cpuPercent = in.readFloat();
        } else {
          return null;
        }
      } else {
        Long value = integer(in);
        if (value == null) {
          return null;
        }
        if (key == MEMORY_KEY) {
          memoryBytes = value;
        } else if (key == COUNT_KEY) {
          count = value;
        }
      }
    }
    if (state == null) {
      return null;
    }
    return new HeartbeatPayload(state, cpuPercent, memoryBytes, count);
  }

  /** Reads a key: the index of a known one, {@link #OTHER_KEY} or {@link #HAND_BACK}. */
  private static int knownKey(MsgpackReader in) throws ProtocolException {
    for (int k = 0; k < KEY_BYTES.length; k++) {
      if (in.skipStringIfEquals(KEY_BYTES[k])) {
        return k;
      }
    }
    if (!in.nextIsString()) {
      return HAND_BACK;
    }
    // A known key in a str width the fast comparison does not read would be missed.
    return KEYS.contains(in.readStringElement()) ? HAND_BACK : OTHER_KEY;
  }

  /** The state the next str names, read; null, having read nothing, if it names none. */
  private static WorkerState state(MsgpackReader in) {
    for (int s = 0; s < STATE_BYTES.length; s++) {
      if (in.skipStringIfEquals(STATE_BYTES[s])) {
        return STATES[s];
      }
    }
    return null;
  }

  /**
   * An int, or a float with an integral value as {@link Payloads#integer} takes it; null, having
   * read the value or nothing, for anything else.
   */
  private static Long integer(MsgpackReader in) throws ProtocolException {
    if (in.nextIsInt()) {
      return in.readInt();
    }
    if (!in.nextIsFloat()) {
      return null;
    }
    double value = in.readFloat();
    if (value == Math.rint(value) && Math.abs(value) < 0x1p63) {
      return (long) value;
    }
    return null;
  }

  private static byte[][] utf8(List<String> texts) {
    byte[][] bytes = new byte[texts.size()][];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = texts.get(i).getBytes(StandardCharsets.UTF_8);
    }
    return bytes;
  }
}
