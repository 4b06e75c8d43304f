/**
 * Request statistics with Locust 2.12.1's semantics: the worker-side concurrent {@link
 * io.hatchery.stats.StatsRecorder}, the master-side {@link io.hatchery.stats.RequestStats} merge,
 * and the derived figures (percentiles, median, current RPS). No wire formats and no I/O here.
 */
package io.hatchery.stats;
