package io.hatchery.master.runner;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.stats.StatsReport;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * The data of a {@code stats} message as {@link StatsDataReader} read it on the transport's I/O
 * thread: the statistics, and the other keys decoded generically.
 *
 * <p>Immutable once built; the frame is never modified.
 *
 * @param report the entries, total and errors, exactly as {@code StatsReportMaps.fromMap} makes
 *     them of the same data
 * @param otherKeys every key but {@code stats} and {@code stats_total}, in wire order
 */
record DecodedStats(
    StatsReport report, Map<String, Object> otherKeys, byte[] frame, DecodeLimits limits) {

  /**
   * The whole data map as the generic decoding makes it (for {@link MasterListener#workerReport}),
   * decoded from the frame the first time it is read, so that listeners that ignore it cost
   * nothing.
   */
  Map<String, Object> wireData() {
    return new LazyData(this);
  }

  private static final class LazyData extends AbstractMap<String, Object> {
    private final DecodedStats decoded;
    private Map<String, Object> data;

    LazyData(DecodedStats decoded) {
      this.decoded = decoded;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return data().entrySet();
    }

    @Override
    public Object get(Object key) {
      return data().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return data().containsKey(key);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data() {
      if (data == null) {
        try {
          data = (Map<String, Object>) MessageCodec.decode(decoded.frame, decoded.limits).data();
        } catch (ProtocolException e) {
          throw new IllegalStateException("a frame decoded once no longer decodes", e);
        }
      }
      return data;
    }
  }
}
