/**
 * Master/worker transports behind our own seams ({@link io.hatchery.protocol.transport.RpcServer},
 * {@link io.hatchery.protocol.transport.RpcClient}) and their ZeroMQ implementations. The only
 * package in Hatchery that imports {@code org.zeromq}; each socket is owned by one I/O thread.
 */
package io.hatchery.protocol.transport;
