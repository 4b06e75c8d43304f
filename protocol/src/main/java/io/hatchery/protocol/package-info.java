/**
 * Locust's master/worker wire envelope: {@link io.hatchery.protocol.Message}, its codec, message
 * type names and decode limits. No sockets here (see the {@code transport} subpackage).
 */
package io.hatchery.protocol;
