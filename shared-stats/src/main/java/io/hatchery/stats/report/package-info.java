/**
 * Views of {@link io.hatchery.stats.RequestStats} exactly as Locust 2.12.1 prints and writes them:
 * console tables, the four CSV files and the {@code --json} output. Pure functions of the stats
 * (and a clock reading for current figures); no I/O here.
 */
package io.hatchery.stats.report;
