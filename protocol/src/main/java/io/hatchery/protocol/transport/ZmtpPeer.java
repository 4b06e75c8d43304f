package io.hatchery.protocol.transport;

import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.transport.poll.PolledSocket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * One worker connection of {@link ZmqRpcServer}: its socket, its ZMTP handshake state, its identity
 * once known, and the messages queued for it.
 *
 * <p>Handshake: the master sends its greeting on accept and its READY after the peer's greeting
 * checked out; the peer's READY names its identity, after which messages flow. Until then a data
 * frame is a protocol error.
 *
 * <p>Outbound: at most {@link #HIGH_WATER_MARK} messages wait per peer, as ZeroMQ's default send
 * high-water mark; beyond that {@link #queue} refuses (the ROUTER drops them). {@link #flush} packs
 * queued frames into the I/O thread's scratch buffer and writes them with one system call; bytes
 * the socket did not take are kept here and written before anything else when it is writable again.
 *
 * <p>Not thread-safe: owned by the server's I/O thread.
 */
final class ZmtpPeer {
  static final int HIGH_WATER_MARK = 1000;

  /** At most this many scratch-buffer writes per flush, so one peer cannot starve the others. */
  private static final int MAX_WRITES_PER_FLUSH = 8;

  final PolledSocket socket;
  final ZmtpFrameParser parser;

  /** The identity the peer announced, or one generated for it; null until its READY. */
  byte[] identity;

  /** The node id its identity decodes to; null if none (then {@link #identityError} says why). */
  String nodeId;

  ProtocolException identityError;

  /** What the attached consumer keeps with this connection (see {@link PeerSlot}). */
  final PeerSlot slot = new PeerSlot();

  /** Whether it is in the server's list of peers to flush after this loop step. */
  boolean flushScheduled;

  /** When the handshake must have completed, as {@link System#nanoTime()}. */
  final long handshakeDeadlineNanos;

  private final ArrayDeque<byte[]> payloads = new ArrayDeque<>();

  /** Bytes that must go out before any queued payload (greeting, commands, a partial write). */
  private ByteBuffer unwritten;

  ZmtpPeer(PolledSocket socket, ZmtpFrameParser.Handler handler, int maxFrameBytes, long deadline) {
    this.socket = socket;
    this.parser = new ZmtpFrameParser(handler, maxFrameBytes);
    this.handshakeDeadlineNanos = deadline;
  }

  /** Whether the peer's READY arrived, so messages may flow both ways. */
  boolean ready() {
    return identity != null;
  }

  /** Queues raw bytes (greeting, a command frame) ahead of every queued message. */
  void queueRaw(byte[] bytes) {
    ByteBuffer raw;
    if (unwritten == null || !unwritten.hasRemaining()) {
      raw = ByteBuffer.wrap(bytes);
    } else {
      raw = ByteBuffer.allocate(unwritten.remaining() + bytes.length).put(unwritten).put(bytes);
      raw.flip();
    }
    unwritten = raw;
  }

  /** Queues one message payload; false (dropped) if {@link #HIGH_WATER_MARK} are already queued. */
  boolean queue(byte[] payload) {
    if (payloads.size() >= HIGH_WATER_MARK) {
      return false;
    }
    payloads.add(payload);
    return true;
  }

  /** Whether bytes wait for the socket. */
  boolean hasOutput() {
    return (unwritten != null && unwritten.hasRemaining()) || !payloads.isEmpty();
  }

  /**
   * Writes what is queued through {@code scratch} (a direct buffer owned by the I/O thread) until
   * the socket stops taking bytes or the per-flush budget is spent.
   *
   * @return whether everything queued was written
   */
  boolean flush(ByteBuffer scratch) throws IOException {
    for (int writes = 0; writes < MAX_WRITES_PER_FLUSH && hasOutput(); writes++) {
      scratch.clear();
      pack(scratch);
      scratch.flip();
      socket.write(scratch);
      if (scratch.hasRemaining()) {
        keepUnwritten(scratch);
        return false;
      }
    }
    return !hasOutput();
  }

  /** Fills {@code scratch} with unwritten bytes, then whole frames while they fit. */
  private void pack(ByteBuffer scratch) {
    if (unwritten != null && unwritten.hasRemaining()) {
      int take = Math.min(unwritten.remaining(), scratch.remaining());
      scratch.put(unwritten.slice(unwritten.position(), take));
      unwritten.position(unwritten.position() + take);
    }
    while (!payloads.isEmpty()) {
      byte[] payload = payloads.peek();
      int frameBytes = ZmtpFrames.headerBytes(payload.length) + payload.length;
      if (frameBytes > scratch.remaining()) {
        if (scratch.position() == 0) {
          // Larger than the scratch buffer: it goes out from a buffer of its own.
          payloads.poll();
          ByteBuffer frame = ByteBuffer.allocate(frameBytes);
          ZmtpFrames.putHeader(frame, 0, payload.length);
          unwritten = frame.put(payload).flip();
          pack(scratch);
        }
        return;
      }
      payloads.poll();
      ZmtpFrames.putHeader(scratch, 0, payload.length);
      scratch.put(payload);
    }
  }

  /** Keeps the bytes of {@code scratch} the socket did not take, ahead of older unwritten ones. */
  private void keepUnwritten(ByteBuffer scratch) {
    int older = unwritten == null ? 0 : unwritten.remaining();
    ByteBuffer kept = ByteBuffer.allocate(scratch.remaining() + older).put(scratch);
    if (older > 0) {
      kept.put(unwritten);
    }
    unwritten = kept.flip();
  }

  /** The peer's name for log lines: its node id, or its address while it has none. */
  String describe() {
    return nodeId != null ? nodeId : socket.remoteAddress();
  }
}
