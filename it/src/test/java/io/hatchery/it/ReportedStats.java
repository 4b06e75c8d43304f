package io.hatchery.it;

import static io.hatchery.protocol.payload.PayloadKeys.USER_CLASSES_COUNT;
import static io.hatchery.protocol.payload.PayloadKeys.USER_COUNT;
import static io.hatchery.stats.wire.StatsReportMaps.ERRORS;
import static io.hatchery.stats.wire.StatsReportMaps.STATS;
import static io.hatchery.stats.wire.StatsReportMaps.STATS_TOTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.StatsPayload;
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.wire.StatsEntryMaps;
import io.hatchery.stats.wire.StatsErrorMaps;
import io.hatchery.stats.wire.StatsReportMaps;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code stats} messages of a third-party peer, each checked for that peer's exact key sets and
 * merged as a master merges them. Not thread-safe: one test thread adds.
 */
public final class ReportedStats {
  /** The top-level keys of a pre-2.0 report (Locust 0.x/1.x, Locust4j 1.x). */
  public static final Set<String> PRE_2_0_REPORT_KEYS =
      Set.of(STATS, STATS_TOTAL, ERRORS, USER_COUNT);

  /** The top-level keys of a Boomer or Locust 2.x report. */
  public static final Set<String> REPORT_KEYS =
      Set.of(STATS, STATS_TOTAL, ERRORS, USER_COUNT, USER_CLASSES_COUNT);

  private final Set<String> reportKeys;
  private final Set<String> entryKeys;
  private final Set<String> errorKeys;
  private final String occurrencesKey;
  private final RequestStats stats = new RequestStats(InstantSource.system());
  private final List<Long> userCounts = new ArrayList<>();
  private final List<Long> errorOccurrences = new ArrayList<>();
  private final Set<Object> totalNames = new LinkedHashSet<>();

  /**
   * @param reportKeys the exact top-level keys of every report
   * @param entryKeys the exact keys of every entry and of {@code stats_total}
   * @param occurrencesKey how the peer spells the error count ({@code occurrences} or the pre-0.12
   *     {@code occurences})
   */
  public ReportedStats(Set<String> reportKeys, Set<String> entryKeys, String occurrencesKey) {
    this.reportKeys = reportKeys;
    this.entryKeys = entryKeys;
    this.occurrencesKey = occurrencesKey;
    this.errorKeys =
        Set.of(StatsErrorMaps.NAME, StatsErrorMaps.METHOD, StatsErrorMaps.ERROR, occurrencesKey);
  }

  /** Checks the shape of a {@code stats} message and merges it. */
  public void add(Message message) throws Exception {
    Map<?, ?> data = (Map<?, ?>) message.data();
    assertThat(data.keySet()).as("report keys").isEqualTo(reportKeys);
    Map<?, ?> total = (Map<?, ?>) data.get(STATS_TOTAL);
    assertThat(total.keySet()).as("stats_total keys").isEqualTo(entryKeys);
    totalNames.add(total.get(StatsEntryMaps.NAME));
    for (Object entry : (List<?>) data.get(STATS)) {
      assertThat(((Map<?, ?>) entry).keySet()).as("entry keys").isEqualTo(entryKeys);
    }
    long occurrences = 0;
    for (Object error : ((Map<?, ?>) data.get(ERRORS)).values()) {
      assertThat(((Map<?, ?>) error).keySet()).as("error keys").isEqualTo(errorKeys);
      occurrences += ((Number) ((Map<?, ?>) error).get(occurrencesKey)).longValue();
    }
    errorOccurrences.add(occurrences);
    userCounts.add(StatsPayload.from(data).userCount());
    stats.merge(StatsReportMaps.fromMap(data, stats.nowEpochSeconds()));
  }

  /**
   * Reads {@code stats} messages off {@code peer} (other messages go to {@code onSkipped}) until
   * the merged requests plus failures reach {@code expected}.
   *
   * @throws AssertionError at the deadline, quoting the totals and {@code context} (e.g. the peer's
   *     log)
   */
  public void collectUntil(
      ProtocolPeer peer,
      ProtocolPeer.Skipped onSkipped,
      long expected,
      Duration timeout,
      Supplier<String> context)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (requestsAndFailures() < expected) {
      Duration left = Duration.between(Instant.now(), deadline);
      try {
        add(
            peer.await(MessageType.STATS, left.isNegative() ? Duration.ZERO : left, onSkipped)
                .message());
      } catch (AssertionError noStats) {
        throw new AssertionError(
            "reports counted "
                + stats.total().numRequests()
                + " requests and "
                + stats.total().numFailures()
                + " failures, expected "
                + expected
                + " in all\n"
                + context.get(),
            noStats);
      }
    }
  }

  /** Everything merged so far. */
  public RequestStats stats() {
    return stats;
  }

  /**
   * Requests plus failures of the total (Locust4j 1.x and Boomer never count a failure as a
   * request).
   */
  public long requestsAndFailures() {
    return stats.total().numRequests() + stats.total().numFailures();
  }

  /** The {@code user_count} of every report, in arrival order. */
  public List<Long> userCounts() {
    return List.copyOf(userCounts);
  }

  /**
   * The error occurrences each report carried (summed over its error entries), in arrival order.
   * Locust4j before 2.2.1 never clears its error table, so its reports carry running totals.
   */
  public List<Long> errorOccurrencesPerReport() {
    return List.copyOf(errorOccurrences);
  }

  /** The distinct names the peer gave its {@code stats_total}. */
  public Set<Object> totalNames() {
    return Set.copyOf(totalNames);
  }
}
