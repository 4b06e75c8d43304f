/**
 * JMH benchmarks of shared-stats: the worker's recording hot path and the master's merge of one
 * worker report. Benchmarks of other modules get their own package next to this one.
 */
package io.hatchery.bench.stats;
