/**
 * Test helpers shared by the modules' tests: the in-JVM HTTP target, launchers for real peers
 * (Python Locust), and fakes of our own seams ({@link io.hatchery.testkit.InMemoryRpc}). Test scope
 * only; production code never depends on this package.
 */
package io.hatchery.testkit;
