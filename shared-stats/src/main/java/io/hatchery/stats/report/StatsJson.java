package io.hatchery.stats.report;

import io.hatchery.stats.LongCounts;
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --json} output of Locust 2.14.1+ ({@code print_stats_json}: {@code
 * json.dumps(stats.serialize_stats(), indent=4)}): an array of the entries that saw a request or a
 * failure, in creation order, each with the 14 keys of Locust's {@code StatsEntryDict}. Numbers are
 * printed as a Python master holds them: timestamps and times as floats, bucket keys below 100 ms
 * as ints and from 100 ms up as floats (a Python worker's {@code round(t, -1)} yields floats). Map
 * keys are in ascending order (a Python master keeps arrival order, which no view can reproduce
 * after merging).
 *
 * <p>Thread-safety: stateless; the stats must not change during a call.
 */
public final class StatsJson {
  private static final int INDENT = 4;

  private StatsJson() {}

  /** The JSON text, without a trailing newline. */
  public static String render(RequestStats stats) {
    List<StatsEntry> entries =
        stats.entries().stream()
            .filter(e -> !(e.numRequests() == 0 && e.numFailures() == 0))
            .toList();
    if (entries.isEmpty()) {
      return "[]";
    }
    StringBuilder out = new StringBuilder("[\n");
    for (int i = 0; i < entries.size(); i++) {
      entry(out, entries.get(i));
      out.append(i < entries.size() - 1 ? ",\n" : "\n");
    }
    return out.append(']').toString();
  }

  private static void entry(StringBuilder out, StatsEntry e) {
    List<String[]> fields = new ArrayList<>();
    fields.add(new String[] {"name", string(e.name())});
    fields.add(new String[] {"method", e.method() == null ? "null" : string(e.method())});
    fields.add(
        new String[] {
          "last_request_timestamp",
          e.lastRequestEpochSeconds().isPresent()
              ? PythonFormat.floatRepr(e.lastRequestEpochSeconds().getAsDouble())
              : "null"
        });
    fields.add(new String[] {"start_time", PythonFormat.floatRepr(e.startEpochSeconds())});
    fields.add(new String[] {"num_requests", Long.toString(e.numRequests())});
    fields.add(new String[] {"num_none_requests", Long.toString(e.numNoneRequests())});
    fields.add(new String[] {"num_failures", Long.toString(e.numFailures())});
    fields.add(
        new String[] {"total_response_time", PythonFormat.floatRepr(e.totalResponseTimeMillis())});
    fields.add(new String[] {"max_response_time", ReportValues.max(e)});
    fields.add(
        new String[] {
          "min_response_time",
          e.minResponseTimeMillis().isPresent()
              ? PythonFormat.floatRepr(e.minResponseTimeMillis().getAsDouble())
              : "null"
        });
    fields.add(new String[] {"total_content_length", Long.toString(e.totalContentLengthBytes())});
    fields.add(new String[] {"response_times", counts(e.responseTimes(), true)});
    fields.add(new String[] {"num_reqs_per_sec", counts(e.numReqsPerSec(), false)});
    fields.add(new String[] {"num_fail_per_sec", counts(e.numFailPerSec(), false)});
    String pad = " ".repeat(INDENT);
    out.append(pad).append("{\n");
    for (int i = 0; i < fields.size(); i++) {
      out.append(pad).append(pad).append('"').append(fields.get(i)[0]).append("\": ");
      out.append(fields.get(i)[1]);
      out.append(i < fields.size() - 1 ? ",\n" : "\n");
    }
    out.append(pad).append('}');
  }

  private static String counts(LongCounts counts, boolean bucketKeys) {
    if (counts.isEmpty()) {
      return "{}";
    }
    String pad = " ".repeat(INDENT * 3);
    StringBuilder out = new StringBuilder("{\n");
    List<String> lines = new ArrayList<>();
    for (long key : counts.sortedKeys()) {
      lines.add(
          pad
              + '"'
              + (bucketKeys ? ReportValues.bucketKey(key) : Long.toString(key))
              + "\": "
              + counts.get(key));
    }
    out.append(String.join(",\n", lines));
    return out.append('\n').append(" ".repeat(INDENT * 2)).append('}').toString();
  }

  /**
   * A JSON string as Python's json.dumps writes it ({@code ensure_ascii=True}); the one escaping
   * every JSON Hatchery prints in Locust's formats goes through.
   */
  public static String string(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
