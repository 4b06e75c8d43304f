/**
 * Real Locust4j workers (1.0.14, G1b; 1.0.0, G0) started in JVMs of their own with their own jeromq
 * and msgpack, and the tests that pin what they send.
 */
package io.hatchery.it.locust4j;
