/**
 * End-to-end worker benchmarks (issue #3, S1&ndash;S3): a standalone main that runs the real {@code
 * ScenarioEngine} with real {@code HttpUser} scenarios against an external HTTP target, driven by
 * {@code bench/scripts/worker-bench.sh}. Not JMH; nothing here is used by the product.
 */
package io.hatchery.bench.worker;
