/**
 * The user engine: user class models built by reflection, tag filtering, task ratios, and the
 * execution of users on virtual threads behind the worker runtime's {@link
 * io.hatchery.worker.runtime.ScenarioBridge} and {@link io.hatchery.worker.runtime.UserPool}. No
 * protocol code here.
 */
package io.hatchery.worker.engine;
