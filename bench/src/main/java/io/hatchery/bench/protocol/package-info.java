/**
 * JMH benchmarks of the protocol module: msgpack encode and decode of whole messages. Message
 * contents are built with shared-stats so that they have the shapes real peers send.
 */
package io.hatchery.bench.protocol;
