package io.hatchery.protocol.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes a transport's I/O thread out of its ZeroMQ poll: a {@link Pipe} whose source channel sits
 * in the poll set next to the sockets, so a message queued by another thread is sent at once rather
 * than at the next poll tick.
 *
 * <p>{@link #signal()} may be called from any thread and writes at most one byte per wake-up;
 * {@link #drain()} and {@link #source()} belong to the I/O thread.
 */
final class Wakeup implements AutoCloseable {
  private final Pipe.SourceChannel source;
  private final Pipe.SinkChannel sink;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final ByteBuffer drainBuffer = ByteBuffer.allocate(64);

  Wakeup() throws IOException {
    Pipe pipe = Pipe.open();
    source = pipe.source();
    sink = pipe.sink();
    source.configureBlocking(false);
    sink.configureBlocking(false);
  }

  /** The channel to poll for {@code POLLIN}. */
  SelectableChannel source() {
    return source;
  }

  /** Makes the next (or current) poll return; cheap when a wake-up is already pending. */
  void signal() {
    if (pending.compareAndSet(false, true)) {
      try {
        sink.write(ByteBuffer.wrap(new byte[] {1}));
      } catch (IOException e) {
        // Only after close: the loop is gone and needs no wake-up.
        pending.set(false);
      }
    }
  }

  /** Consumes pending wake-ups. I/O thread only. */
  void drain() throws IOException {
    // Clear the flag before reading: a signal racing with this drain leaves its byte behind.
    pending.set(false);
    while (source.read(drainBuffer) > 0) {
      drainBuffer.clear();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      source.close();
    } finally {
      sink.close();
    }
  }
}
