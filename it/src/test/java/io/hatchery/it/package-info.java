/**
 * Integration and interop tests against real peers: real ZeroMQ sockets on loopback, a real HTTP
 * target, and Debian's Python Locust 2.12.1 processes.
 */
package io.hatchery.it;
