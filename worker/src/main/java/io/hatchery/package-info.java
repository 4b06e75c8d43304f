/**
 * The scenario API: what a Hatchery user writes, the Java counterpart of Locust's user API ({@code
 * User}, {@code HttpUser}, tasks, task sets, wait times, events).
 */
package io.hatchery;
