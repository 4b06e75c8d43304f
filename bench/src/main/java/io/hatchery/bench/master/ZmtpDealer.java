package io.hatchery.bench.master;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One ZeroMQ DEALER connection spoken directly in ZMTP 3.0 (NULL mechanism, RFC 23) over a
 * non-blocking {@link SocketChannel}: the 64-byte greeting, a READY command with {@code
 * Socket-Type=DEALER} and {@code Identity=<node id>}, then single-frame messages both ways. One
 * file descriptor per worker and no threads, so one process can simulate 10,000 workers (a JeroMQ
 * socket costs a mailbox pipe and an I/O thread share each).
 *
 * <p>Not thread-safe: owned by the harness's selector thread.
 */
final class ZmtpDealer {
  private static final int GREETING_BYTES = 64;

  private final SocketChannel channel;
  private final ArrayDeque<ByteBuffer> outbound = new ArrayDeque<>();
  private final ArrayDeque<ByteBuffer> held = new ArrayDeque<>();
  private ByteBuffer inbound = ByteBuffer.allocate(64 * 1024);
  private boolean greetingSkipped;

  ZmtpDealer(SocketChannel channel, String identity) {
    this.channel = channel;
    outbound.add(greeting());
    held.add(ready(identity));
  }

  SocketChannel channel() {
    return channel;
  }

  /** Queues one single-frame message. */
  void send(byte[] payload) {
    ByteBuffer frame;
    if (payload.length <= 255) {
      frame = ByteBuffer.allocate(2 + payload.length).put((byte) 0x00).put((byte) payload.length);
    } else {
      frame = ByteBuffer.allocate(9 + payload.length).put((byte) 0x02).putLong(payload.length);
    }
    (greetingSkipped ? outbound : held).add(frame.put(payload).flip());
  }

  /** Whether bytes wait to be written (the selector should watch OP_WRITE). */
  boolean wantsWrite() {
    return !outbound.isEmpty();
  }

  /** Writes as much as the socket takes. */
  void flush() throws IOException {
    while (!outbound.isEmpty()) {
      ByteBuffer head = outbound.peek();
      channel.write(head);
      if (head.hasRemaining()) {
        return;
      }
      outbound.poll();
    }
  }

  /** Reads what arrived and returns the complete message payloads (commands are skipped). */
  List<byte[]> read() throws IOException {
    if (channel.read(inbound) < 0) {
      throw new IOException("master closed the connection");
    }
    inbound.flip();
    List<byte[]> messages = new ArrayList<>();
    if (!greetingSkipped) {
      if (inbound.remaining() < GREETING_BYTES) {
        inbound.compact();
        return messages;
      }
      inbound.position(inbound.position() + GREETING_BYTES);
      greetingSkipped = true;
      // Like libzmq, send the READY command only after the peer's greeting arrived: JeroMQ's
      // ROUTER sometimes rejects a READY that arrives with the greeting ("unexpected command").
      outbound.addAll(held);
      held.clear();
    }
    while (true) {
      inbound.mark();
      if (inbound.remaining() < 2) {
        break;
      }
      int flags = inbound.get();
      long size;
      if ((flags & 0x02) != 0) {
        if (inbound.remaining() < 8) {
          inbound.reset();
          break;
        }
        size = inbound.getLong();
      } else {
        size = inbound.get() & 0xff;
      }
      if (inbound.remaining() < size) {
        inbound.reset();
        if (size + 9 > inbound.capacity()) {
          grow((int) size + 9);
        }
        break;
      }
      byte[] body = new byte[(int) size];
      inbound.get(body);
      // Commands (READY, PING) carry flag 0x04; a ROUTER sends each message as one frame.
      if ((flags & 0x04) == 0) {
        messages.add(body);
      }
    }
    inbound.compact();
    return messages;
  }

  private void grow(int capacity) {
    ByteBuffer bigger = ByteBuffer.allocate(capacity);
    bigger.put(inbound);
    bigger.flip();
    inbound = bigger;
  }

  private static ByteBuffer greeting() {
    ByteBuffer greeting = ByteBuffer.allocate(GREETING_BYTES);
    greeting.put((byte) 0xff).put(new byte[8]).put((byte) 0x7f);
    greeting.put((byte) 3).put((byte) 0);
    byte[] mechanism = new byte[20];
    byte[] nul = "NULL".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(nul, 0, mechanism, 0, nul.length);
    greeting.put(mechanism).put((byte) 0).put(new byte[31]);
    return greeting.flip();
  }

  private static ByteBuffer ready(String identity) {
    byte[] name = "READY".getBytes(StandardCharsets.US_ASCII);
    byte[] typeKey = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
    byte[] typeValue = "DEALER".getBytes(StandardCharsets.US_ASCII);
    byte[] idKey = "Identity".getBytes(StandardCharsets.US_ASCII);
    byte[] idValue = identity.getBytes(StandardCharsets.UTF_8);
    int size =
        1
            + name.length
            + 1
            + typeKey.length
            + 4
            + typeValue.length
            + 1
            + idKey.length
            + 4
            + idValue.length;
    ByteBuffer command = ByteBuffer.allocate(2 + size);
    command.put((byte) 0x04).put((byte) size);
    command.put((byte) name.length).put(name);
    command.put((byte) typeKey.length).put(typeKey).putInt(typeValue.length).put(typeValue);
    command.put((byte) idKey.length).put(idKey).putInt(idValue.length).put(idValue);
    return command.flip();
  }
}
