package io.hatchery.protocol.transport;

import io.hatchery.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads one ZMTP 3.x connection's inbound byte stream incrementally: the greeting, then frames,
 * handing each complete unit to a {@link Handler}. Bytes may arrive split anywhere (a greeting, a
 * header or a body across reads) or coalesced (a greeting, READY and messages in one read).
 *
 * <p>A message is a run of frames ending with one whose MORE flag is clear. Only its first frame
 * reaches the handler; the bodies of later frames are skipped without being stored, as Locust reads
 * only {@code [identity, payload]}.
 *
 * <p>Memory: a frame's body buffer grows with the bytes that actually arrived (never more than
 * twice those, nor more than the announced size), so a peer that announces a large frame and then
 * stalls costs what it sent, not what it announced. A frame announced above {@code maxFrameBytes}
 * is refused before any of it is buffered, as ZeroMQ's {@code ZMQ_MAXMSGSIZE} does.
 *
 * <p>Not thread-safe: owned by the transport's I/O thread.
 */
final class ZmtpFrameParser {
  /** Receives the units of the stream, in order. May throw to end the connection. */
  interface Handler {
    /** The first {@link ZmtpGreeting#SIGNATURE_BYTES} bytes of the peer's greeting arrived. */
    void signature(byte[] greetingSoFar) throws ProtocolException;

    /** The peer's major version, the byte after the signature, arrived. */
    void majorVersion(byte[] greetingSoFar) throws ProtocolException;

    /** The peer's whole 64-byte greeting arrived. */
    void greeting(byte[] greeting) throws ProtocolException;

    /** A complete command frame's body. */
    void command(byte[] body) throws ProtocolException;

    /** The first frame of a message, complete. */
    void message(byte[] payload) throws ProtocolException;
  }

  private static final int FIRST_BODY_CHUNK_BYTES = 8 * 1024;

  private enum Phase {
    GREETING,
    HEADER,
    BODY
  }

  private final Handler handler;
  private final int maxFrameBytes;
  private final byte[] header = new byte[ZmtpGreeting.BYTES];

  private Phase phase = Phase.GREETING;
  private int headerFilled;
  private int headerNeeded = ZmtpGreeting.SIGNATURE_BYTES;

  private int flags;
  private long bodySize;
  private long bodyFilled;

  /** The body being collected, or null while skipping a later frame of a message. */
  private byte[] body;

  /** Whether the previous data frame had MORE set: the next frames belong to its message. */
  private boolean inMessage;

  ZmtpFrameParser(Handler handler, int maxFrameBytes) {
    this.handler = handler;
    this.maxFrameBytes = maxFrameBytes;
  }

  /**
   * Consumes every remaining byte of {@code in}.
   *
   * @throws ProtocolException if the stream breaks ZMTP or the limits; the connection must close
   */
  void consume(ByteBuffer in) throws ProtocolException {
    while (in.hasRemaining()) {
      switch (phase) {
        case GREETING -> {
          if (fillHeader(in)) {
            greetingStep();
          }
        }
        case HEADER -> {
          if (fillHeader(in)) {
            headerComplete();
          }
        }
        case BODY -> readBody(in);
      }
    }
  }

  /** The greeting arrives in three steps, as ZMTP's version negotiation sends it. */
  private void greetingStep() throws ProtocolException {
    byte[] soFar = Arrays.copyOf(header, headerFilled);
    if (headerFilled == ZmtpGreeting.SIGNATURE_BYTES) {
      headerNeeded = ZmtpGreeting.SIGNATURE_BYTES + 1;
      handler.signature(soFar);
    } else if (headerFilled == ZmtpGreeting.SIGNATURE_BYTES + 1) {
      headerNeeded = ZmtpGreeting.BYTES;
      handler.majorVersion(soFar);
    } else {
      phase = Phase.HEADER;
      headerFilled = 0;
      headerNeeded = 2;
      handler.greeting(soFar);
    }
  }

  /** Whether a greeting or frame is partly read (bytes of it arrived, the rest has not). */
  boolean midUnit() {
    return headerFilled > 0 || phase == Phase.BODY;
  }

  private boolean fillHeader(ByteBuffer in) {
    int take = Math.min(headerNeeded - headerFilled, in.remaining());
    in.get(header, headerFilled, take);
    headerFilled += take;
    return headerFilled == headerNeeded;
  }

  private void headerComplete() throws ProtocolException {
    int frameFlags = header[0] & 0xFF;
    if ((frameFlags & ZmtpFrames.LONG) != 0 && headerNeeded == 2) {
      headerNeeded = ZmtpFrames.MAX_HEADER_BYTES;
      return;
    }
    if ((frameFlags & ZmtpFrames.RESERVED) != 0) {
      throw new ProtocolException(
          "reserved ZMTP frame flags set: 0x" + Integer.toHexString(frameFlags));
    }
    boolean command = (frameFlags & ZmtpFrames.COMMAND) != 0;
    if (command && ((frameFlags & ZmtpFrames.MORE) != 0 || inMessage)) {
      throw new ProtocolException("ZMTP command inside a multipart message");
    }
    long size = headerNeeded == 2 ? header[1] & 0xFF : longSize();
    if (size < 0 || size > maxFrameBytes) {
      throw new ProtocolException(
          "frame of "
              + Long.toUnsignedString(size)
              + " bytes exceeds the limit of "
              + maxFrameBytes);
    }
    flags = frameFlags;
    bodySize = size;
    bodyFilled = 0;
    boolean keep = command || !inMessage;
    body = keep ? new byte[(int) Math.min(size, FIRST_BODY_CHUNK_BYTES)] : null;
    headerFilled = 0;
    headerNeeded = 2;
    phase = Phase.BODY;
    if (size == 0) {
      frameComplete();
    }
  }

  private long longSize() {
    long size = 0;
    for (int i = 1; i < ZmtpFrames.MAX_HEADER_BYTES; i++) {
      size = (size << 8) | (header[i] & 0xFF);
    }
    return size;
  }

  private void readBody(ByteBuffer in) throws ProtocolException {
    int take = (int) Math.min(bodySize - bodyFilled, in.remaining());
    if (body == null) {
      in.position(in.position() + take);
    } else {
      if (bodyFilled + take > body.length) {
        long grown = Math.max(bodyFilled + take, Math.min(bodySize, 2L * body.length));
        body = Arrays.copyOf(body, (int) grown);
      }
      in.get(body, (int) bodyFilled, take);
    }
    bodyFilled += take;
    if (bodyFilled == bodySize) {
      frameComplete();
    }
  }

  private void frameComplete() throws ProtocolException {
    phase = Phase.HEADER;
    byte[] complete = body;
    body = null;
    if ((flags & ZmtpFrames.COMMAND) != 0) {
      handler.command(complete);
      return;
    }
    boolean first = !inMessage;
    inMessage = (flags & ZmtpFrames.MORE) != 0;
    if (first) {
      handler.message(complete);
    }
  }
}
