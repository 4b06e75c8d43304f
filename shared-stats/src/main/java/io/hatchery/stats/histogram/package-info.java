/**
 * HdrHistogram adapters: a lock-free interval counts structure for the recording hot path and the
 * bounded compressed encoding that travels in the {@code hdr_histogram} key. Depends only on
 * HdrHistogram; knows nothing of Locust's buckets.
 */
package io.hatchery.stats.histogram;
