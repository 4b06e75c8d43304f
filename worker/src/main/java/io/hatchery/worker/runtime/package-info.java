/**
 * The worker runtime: the worker's side of Locust's protocol (registration, heartbeats, stats
 * reports, spawn/stop/quit) driving a {@link io.hatchery.worker.runtime.ScenarioBridge}.
 */
package io.hatchery.worker.runtime;
