package io.hatchery.master.runner;

import io.hatchery.protocol.DataReader;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.msgpack.MsgpackReader;
import io.hatchery.stats.EntryReport;
import io.hatchery.stats.LongCounts;
import io.hatchery.stats.StatsReport;
import io.hatchery.stats.wire.MalformedStatsException;
import io.hatchery.stats.wire.StatsEntryMaps;
import io.hatchery.stats.wire.StatsReportMaps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code stats} message's data straight from the frame into a {@link DecodedStats}: the
 * entries become {@link EntryReport}s with their {@code response_times} and per-second counts
 * filled into {@link LongCounts} as they are read, with no map of boxed numbers in between. The
 * other keys ({@code errors}, {@code user_count}, {@code user_classes_count}, anything else) are
 * decoded generically.
 *
 * <p>It takes the shape every Locust-compatible worker sends and hands anything else back to the
 * generic decoding (returns null, see {@link DataReader}), so that {@link StatsReportMaps#fromMap}
 * stays the one definition of what a report means and of the error a malformed one gets: a key that
 * appears twice, a non-string key, a type other than the usual one (float counts, a nil name), a
 * missing {@code start_time}, {@code stats} or {@code stats_total}, counts maps whose keys coincide
 * after Locust's float-key rounding. What it accepts, it decodes to a report equal to what {@code
 * fromMap} makes of the same frame ({@code StatsDataReaderTest}).
 *
 * <p>{@link MasterBuilder} installs it on the master's TCP ROUTER ({@code ZmqRpcServer.bind});
 * public for benchmarks.
 *
 * <p>Thread-safety: stateless but for a per-thread scratch builder; runs on the transport's I/O
 * thread.
 */
public final class StatsDataReader implements DataReader {
  /** Nesting levels as the generic decoding counts them: the envelope array is level 1. */
  private static final int DATA_DEPTH = 2;

  /** Each I/O thread's reusable space for the counts maps, which leave only their own arrays. */
  private static final ThreadLocal<CountsScratch> SCRATCH =
      ThreadLocal.withInitial(CountsScratch::new);

  @Override
  public Object read(MsgpackReader in, byte[] frame) throws ProtocolException {
    try {
      return readData(in, frame);
    } catch (MalformedStatsException | HandBack e) {
      return null;
    }
  }

  private static DecodedStats readData(MsgpackReader in, byte[] frame)
      throws ProtocolException, MalformedStatsException {
    expect(in.nextIsMap());
    int pairs = in.readMapHeader(DATA_DEPTH);
    CountsScratch scratch = SCRATCH.get();
    List<EntryReport> stats = null;
    EntryReport total = null;
    Map<String, Object> otherKeys = LinkedHashMap.newLinkedHashMap(pairs);
    for (int i = 0; i < pairs; i++) {
      expect(in.nextIsString());
      String key = in.readStringElement();
      switch (key) {
        case StatsReportMaps.STATS -> {
          expect(stats == null);
          stats = readEntries(in, scratch);
        }
        case StatsReportMaps.STATS_TOTAL -> {
          expect(total == null);
          total = readEntry(in, DATA_DEPTH + 1, scratch);
        }
        default -> expect(otherKeys.put(key, in.readElement(DATA_DEPTH)) == null);
      }
    }
    expect(stats != null && total != null);
    StatsReport report =
        StatsReportMaps.fromParts(stats, total, otherKeys.get(StatsReportMaps.ERRORS));
    return new DecodedStats(report, otherKeys, frame, in.limits());
  }

  private static List<EntryReport> readEntries(MsgpackReader in, CountsScratch scratch)
      throws ProtocolException, MalformedStatsException {
    expect(in.nextIsArray());
    int count = in.readArrayHeader(DATA_DEPTH + 1);
    List<EntryReport> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(readEntry(in, DATA_DEPTH + 2, scratch));
    }
    return entries;
  }

  private static EntryReport readEntry(MsgpackReader in, int depth, CountsScratch scratch)
      throws ProtocolException, MalformedStatsException {
    expect(in.nextIsMap());
    EntryFields f = new EntryFields();
    int pairs = in.readMapHeader(depth);
    int expected = 0;
    for (int i = 0; i < pairs; i++) {
      int field;
      if (expected < EntryFields.KEYS.size()
          && in.skipStringIfEquals(EntryFields.KEY_BYTES[expected])) {
        field = expected;
      } else {
        expect(in.nextIsString());
        field = EntryFields.KEYS.indexOf(in.readStringElement());
      }
      if (field < 0) {
        in.readElement(depth); // a key the entry ignores
        continue;
      }
      expected = field + 1;
      expect(f.see(field));
      switch (field) {
        case EntryFields.NAME -> f.name = string(in);
        case EntryFields.METHOD -> f.method = in.nextIsNil() ? nil(in) : string(in);
        case EntryFields.LAST -> f.last = in.nextIsNil() ? nil(in) : number(in);
        case EntryFields.START -> f.start = number(in);
        case EntryFields.REQUESTS -> f.numRequests = count(in);
        case EntryFields.NONE -> f.numNone = count(in);
        case EntryFields.FAILURES -> f.numFailures = count(in);
        case EntryFields.TOTAL -> f.total = number(in);
        case EntryFields.MAX -> f.max = number(in);
        case EntryFields.MIN -> f.min = in.nextIsNil() ? nil(in) : number(in);
        case EntryFields.CONTENT_LENGTH -> f.contentLength = count(in);
        case EntryFields.RESPONSE_TIMES ->
            f.responseTimes = counts(in, depth, StatsEntryMaps.RESPONSE_TIMES, scratch);
        case EntryFields.REQS_PER_SEC ->
            f.numReqsPerSec = counts(in, depth, StatsEntryMaps.NUM_REQS_PER_SEC, scratch);
        case EntryFields.FAIL_PER_SEC ->
            f.numFailPerSec = counts(in, depth, StatsEntryMaps.NUM_FAIL_PER_SEC, scratch);
        default -> f.histogram = in.readElement(depth) instanceof byte[] bytes ? bytes : null;
      }
    }
    expect(f.name != null && f.has(EntryFields.METHOD) && f.has(EntryFields.START));
    return f.toEntry();
  }

  /**
   * A numeric-keyed map of counts. Keys are ints or floats (Locust's {@code response_times} mixes
   * both: buckets from 100 ms on are floats); values are non-negative ints. Runs of whole-number
   * keys are read in bulk, each other key (a float with a fraction, which Locust 0.x sent) on its
   * own.
   */
  private static LongCounts counts(
      MsgpackReader in, int entryDepth, String mapName, CountsScratch scratch)
      throws ProtocolException, MalformedStatsException {
    expect(in.nextIsMap());
    int pairs = in.readMapHeader(entryDepth + 1);
    LongCounts.Builder counts = scratch.builder;
    counts.reset();
    long[] keys = scratch.keys;
    long[] values = scratch.values;
    int done = 0;
    while (done < pairs) {
      int wanted = pairs - done;
      int run = in.readCountPairs(keys, values, wanted);
      // Keys that coincide (150 and 150.0, or two that round alike) are last-wins in the generic
      // map.
      expect(counts.putAll(keys, values, run));
      done += run;
      if (run < wanted && run < keys.length) {
        // The next pair is not a whole-number key and a count: a float key with a fraction, or a
        // value that is not a count.
        long key = otherKey(in, mapName);
        expect(counts.put(key, count(in)));
        done++;
      }
    }
    return counts.build();
  }

  /**
   * A key that is not an int of at least 0: a negative int, or a float (rounded as Locust does).
   */
  private static long otherKey(MsgpackReader in, String mapName)
      throws ProtocolException, MalformedStatsException {
    if (in.nextIsInt()) {
      return in.readInt();
    }
    expect(in.nextIsFloat());
    return StatsEntryMaps.floatKey(in.readFloat(), mapName);
  }

  private static String string(MsgpackReader in) throws ProtocolException {
    expect(in.nextIsString());
    return in.readStringElement();
  }

  private static <T> T nil(MsgpackReader in) throws ProtocolException {
    in.readNil();
    return null;
  }

  /** A finite number, int or float. */
  private static double number(MsgpackReader in) throws ProtocolException {
    if (in.nextIsInt()) {
      return in.readInt();
    }
    expect(in.nextIsFloat());
    double value = in.readFloat();
    expect(Double.isFinite(value));
    return value;
  }

  /** A non-negative int. */
  private static long count(MsgpackReader in) throws ProtocolException {
    long value = in.readNonNegativeIntOrMinusOne();
    expect(value >= 0);
    return value;
  }

  private static void expect(boolean usualShape) {
    if (!usualShape) {
      throw HandBack.INSTANCE;
    }
  }

  /** One I/O thread's space for reading counts maps, reused map after map. */
  private static final class CountsScratch {
    final LongCounts.Builder builder = new LongCounts.Builder();
    final long[] keys = new long[64];
    final long[] values = new long[64];
  }

  /** The frame is not in the usual shape: the generic decoding takes it. */
  private static final class HandBack extends RuntimeException {
    static final HandBack INSTANCE = new HandBack();

    private HandBack() {
      super("not the usual shape of a stats report", null, false, false);
    }
  }

  /**
   * One entry's values while its map is read; defaults as {@link StatsEntryMaps#fromMap}'s. Fields
   * are numbered in the order Locust writes the keys, which is the order they are expected in.
   */
  private static final class EntryFields {
    static final int NAME = 0;
    static final int METHOD = 1;
    static final int LAST = 2;
    static final int START = 3;
    static final int REQUESTS = 4;
    static final int NONE = 5;
    static final int FAILURES = 6;
    static final int TOTAL = 7;
    static final int MAX = 8;
    static final int MIN = 9;
    static final int CONTENT_LENGTH = 10;
    static final int RESPONSE_TIMES = 11;
    static final int REQS_PER_SEC = 12;
    static final int FAIL_PER_SEC = 13;

    /** The keys by field number; the last, {@code hdr_histogram}, is ours. */
    static final List<String> KEYS =
        List.of(
            StatsEntryMaps.NAME,
            StatsEntryMaps.METHOD,
            StatsEntryMaps.LAST_REQUEST_TIMESTAMP,
            StatsEntryMaps.START_TIME,
            StatsEntryMaps.NUM_REQUESTS,
            StatsEntryMaps.NUM_NONE_REQUESTS,
            StatsEntryMaps.NUM_FAILURES,
            StatsEntryMaps.TOTAL_RESPONSE_TIME,
            StatsEntryMaps.MAX_RESPONSE_TIME,
            StatsEntryMaps.MIN_RESPONSE_TIME,
            StatsEntryMaps.TOTAL_CONTENT_LENGTH,
            StatsEntryMaps.RESPONSE_TIMES,
            StatsEntryMaps.NUM_REQS_PER_SEC,
            StatsEntryMaps.NUM_FAIL_PER_SEC,
            StatsEntryMaps.HDR_HISTOGRAM);

    static final byte[][] KEY_BYTES =
        KEYS.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);

    int seen;
    String name;
    String method;
    Double last;
    double start;
    long numRequests;
    long numNone;
    long numFailures;
    double total;
    double max;
    Double min;
    long contentLength;
    LongCounts responseTimes;
    LongCounts numReqsPerSec;
    LongCounts numFailPerSec;
    byte[] histogram;

    /** Marks {@code field} as seen; false if it was already (a key that appears twice). */
    boolean see(int field) {
      int bit = 1 << field;
      boolean first = (seen & bit) == 0;
      seen |= bit;
      return first;
    }

    boolean has(int field) {
      return (seen & (1 << field)) != 0;
    }

    EntryReport toEntry() throws MalformedStatsException {
      return StatsEntryMaps.entry(
          new EntryReport(
              name,
              method,
              last,
              start,
              numRequests,
              numNone,
              numFailures,
              total,
              max,
              min,
              contentLength,
              orEmpty(responseTimes),
              orEmpty(numReqsPerSec),
              orEmpty(numFailPerSec),
              null),
          histogram);
    }

    private static LongCounts orEmpty(LongCounts counts) {
      return counts != null ? counts : new LongCounts();
    }
  }
}
