/**
 * Test-scope helpers shared across modules: fakes of Hatchery's own seams (such as {@link
 * io.hatchery.testkit.InMemoryRpc}), clocks and test targets. Never a dependency of main code.
 */
package io.hatchery.testkit;
