/**
 * Conversion between stats values and Locust's {@code stats} / {@code stats_total} / {@code errors}
 * map shapes (plain {@code Map}/{@code List} values as the msgpack codec produces them). Decoding
 * validates every value; nothing here depends on the protocol module.
 */
package io.hatchery.stats.wire;
