/**
 * The master aggregation benchmark of performance.md §4.5: simulated workers speaking raw ZMTP 3.0
 * on one NIO thread, run against a Hatchery master and a real Locust 2.12.1 master.
 */
package io.hatchery.bench.master;
