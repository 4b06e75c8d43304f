package io.hatchery.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.payload.PayloadKeys;
import io.hatchery.stats.wire.StatsReportMaps;
import org.junit.jupiter.api.Test;

/**
 * protocol and shared-stats never depend on each other, so the three statistics keys of a {@code
 * stats} message are spelled in both: {@code StatsPayload} reads the envelope level, {@code
 * StatsReportMaps} converts the statistics. This module sees both and pins them together.
 */
class WireKeysAgreementTest {
  @Test
  void statsKeysAgreeAcrossProtocolAndSharedStats() {
    assertThat(StatsReportMaps.STATS).isEqualTo(PayloadKeys.STATS);
    assertThat(StatsReportMaps.STATS_TOTAL).isEqualTo(PayloadKeys.STATS_TOTAL);
    assertThat(StatsReportMaps.ERRORS).isEqualTo(PayloadKeys.ERRORS);
  }
}
