/**
 * How msgpack values map to Java values and back ({@link MsgpackReader}, {@link MsgpackWriter}),
 * matching Python msgpack 1.0 as Locust uses it. No truncating casts, no knowledge of messages.
 */
package io.hatchery.protocol.msgpack;
