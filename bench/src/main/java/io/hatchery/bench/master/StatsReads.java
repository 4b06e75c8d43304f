package io.hatchery.bench.master;

import io.hatchery.master.runner.StatsDataReader;
import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import java.util.Map;

/** Decodes {@code stats} frames the way the master's TCP ROUTER does. */
final class StatsReads {
  static final Map<String, io.hatchery.protocol.DataReader> READERS =
      Map.of(MessageType.STATS, new StatsDataReader());

  private StatsReads() {}

  /** The frame's message with its data read by {@link StatsDataReader}. */
  static Message typed(byte[] frame) {
    try {
      return MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS);
    } catch (ProtocolException e) {
      throw new IllegalStateException("a benchmark frame does not decode", e);
    }
  }
}
