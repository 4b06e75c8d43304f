package io.hatchery.protocol.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A DEALER spoken by hand over a blocking socket, for tests that need to misbehave or look at
 * single ZMTP frames. Not thread-safe.
 */
final class RawZmtpDealer implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  private RawZmtpDealer(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects without saying anything. */
  static RawZmtpDealer connect(int port, Duration readTimeout) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout((int) readTimeout.toMillis());
    return new RawZmtpDealer(socket);
  }

  /** Connects and completes the handshake as a DEALER named {@code identity}. */
  static RawZmtpDealer handshake(int port, String identity, Duration readTimeout)
      throws IOException {
    RawZmtpDealer dealer = connect(port, readTimeout);
    dealer.write(ZmtpGreeting.ours());
    byte[] greeting = dealer.readExactly(ZmtpGreeting.BYTES);
    if (greeting[0] != (byte) 0xFF) {
      throw new IOException("not a greeting");
    }
    dealer.write(ZmtpCommand.ready("DEALER", identity.getBytes(StandardCharsets.UTF_8)).toFrame());
    byte[] ready = dealer.readFrame();
    if (!new String(ready, 1, 5, StandardCharsets.US_ASCII).equals("READY")) {
      throw new IOException("expected READY");
    }
    return dealer;
  }

  static byte[] frame(int flags, byte[] body) {
    ByteBuffer frame = ByteBuffer.allocate(ZmtpFrames.headerBytes(body.length) + body.length);
    ZmtpFrames.putHeader(frame, flags, body.length);
    return frame.put(body).array();
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  byte[] readExactly(int count) throws IOException {
    byte[] bytes = new byte[count];
    in.readFully(bytes);
    return bytes;
  }

  /** Reads one frame's body, whatever its flags. */
  byte[] readFrame() throws IOException {
    int flags = in.readUnsignedByte();
    long size = (flags & ZmtpFrames.LONG) != 0 ? in.readLong() : in.readUnsignedByte();
    return readExactly((int) size);
  }

  /**
   * Whether the server closed the connection within the read timeout (reads and discards what comes
   * before the end).
   */
  boolean closedByPeer() throws IOException {
    try {
      while (in.read() >= 0) {
        // Discard anything the server sent before closing.
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
