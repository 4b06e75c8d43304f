/**
 * Typed views of each message's {@code data}: one record per message with {@code from(Object)}
 * (validating, tolerant where Locust is) and {@code toData()} (Locust's exact key order). Stats
 * entries stay plain maps here; converting them is shared-stats' job.
 */
package io.hatchery.protocol.payload;
