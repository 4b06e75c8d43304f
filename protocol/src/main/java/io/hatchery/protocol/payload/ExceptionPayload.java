package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.PayloadKeys.MSG;
import static io.hatchery.protocol.payload.PayloadKeys.TRACEBACK;

import io.hatchery.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The data of {@code exception} (W→M): a user task raised. The master groups reports by traceback.
 * Mirrors {@code WorkerRunner}'s user-error listener in locust/runners.py. Immutable.
 *
 * @param msg the exception text ({@code str(exception)})
 * @param traceback the formatted stack trace
 */
public record ExceptionPayload(String msg, String traceback) {
  public ExceptionPayload {
    Objects.requireNonNull(msg, "msg");
    Objects.requireNonNull(traceback, "traceback");
  }

  /** Parses exception data; both keys are mandatory strings. */
  public static ExceptionPayload from(Object data) throws ProtocolException {
    Map<?, ?> map = Payloads.map(data, "exception data");
    return new ExceptionPayload(
        Payloads.string(Payloads.required(map, MSG, "exception"), "exception msg"),
        Payloads.string(Payloads.required(map, TRACEBACK, "exception"), "exception traceback"));
  }

  /** Returns {@code {"msg", "traceback"}} in that order. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(4);
    map.put(MSG, msg);
    map.put(TRACEBACK, traceback);
    return map;
  }

  /** Returns {@link #toMap()}. */
  public Object toData() {
    return toMap();
  }
}
