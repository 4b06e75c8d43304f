package io.hatchery.http;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * HttpClient's connection with a stale check that does not wait: before a pooled connection is
 * reused, one non-blocking read on its socket channel tells whether the server closed it (urllib3
 * does the same with a zero-timeout poll before every reuse). HttpClient's own check is a read with
 * a 1 ms timeout, which measured ~2 ms per request on virtual threads here and lands inside the
 * response time. Everything else is delegated to HttpClient's connection.
 *
 * <p>The probe reads the plain socket (under TLS too): any byte on an idle connection (a close
 * alert, stray data) or an end of stream marks it stale, and the pool then opens a new one. Sockets
 * without a channel fall back to HttpClient's check. Used by one thread at a time, like the
 * connection it wraps.
 */
final class ProbedConnection implements ManagedHttpClientConnection {

  /**
   * Size of a connection's I/O buffers, bytes; HttpClient's default is 8 KB. An idle user with a
   * keep-alive connection held 32 KB of heap with 8 KB buffers and 26 KB with 4 KB
   * (bench/README.md, S3). 4 KB still takes a usual response header block in one read, and bodies
   * larger than the buffer are read straight into the response's array anyway.
   */
  static final int BUFFER_BYTES = 4096;

  private static final ManagedHttpClientConnectionFactory CONNECTIONS =
      ManagedHttpClientConnectionFactory.builder()
          .http1Config(Http1Config.custom().setBufferSize(BUFFER_BYTES).build())
          .build();

  /** Creates connections for the pool (sockets come from {@link #openSocket}). */
  static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY =
      socket -> new ProbedConnection(CONNECTIONS.createConnection(socket));

  private final ManagedHttpClientConnection delegate;
  private final ByteBuffer probe = ByteBuffer.allocate(1);
  private Socket plainSocket;

  private ProbedConnection(ManagedHttpClientConnection delegate) {
    this.delegate = delegate;
  }

  /** A socket with a channel, so that it can be probed without blocking; a proxied one without. */
  static Socket openSocket(java.net.Proxy socksProxy) throws IOException {
    return socksProxy == null ? SocketChannel.open().socket() : new Socket(socksProxy);
  }

  @Override
  public boolean isStale() throws IOException {
    if (!delegate.isOpen()) {
      return true;
    }
    Socket socket = plainSocket != null ? plainSocket : delegate.getSocket();
    SocketChannel channel = socket == null ? null : socket.getChannel();
    if (channel == null) {
      return delegate.isStale();
    }
    try {
      channel.configureBlocking(false);
      probe.clear();
      return channel.read(probe) != 0;
    } catch (IOException e) {
      return true;
    } finally {
      if (channel.isOpen()) {
        channel.configureBlocking(true);
      }
    }
  }

  @Override
  public void bind(Socket socket) throws IOException {
    plainSocket = socket;
    delegate.bind(socket);
  }

  @Override
  public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
    plainSocket = socket;
    delegate.bind(sslSocket, socket);
  }

  @Override
  public Socket getSocket() {
    return delegate.getSocket();
  }

  @Override
  public SSLSession getSSLSession() {
    return delegate.getSSLSession();
  }

  @Override
  public void passivate() {
    delegate.passivate();
  }

  @Override
  public void activate() {
    delegate.activate();
  }

  @Override
  public boolean isConsistent() {
    return delegate.isConsistent();
  }

  @Override
  public void sendRequestHeader(ClassicHttpRequest request) throws HttpException, IOException {
    delegate.sendRequestHeader(request);
  }

  @Override
  public void terminateRequest(ClassicHttpRequest request) throws HttpException, IOException {
    delegate.terminateRequest(request);
  }

  @Override
  public void sendRequestEntity(ClassicHttpRequest request) throws HttpException, IOException {
    delegate.sendRequestEntity(request);
  }

  @Override
  public ClassicHttpResponse receiveResponseHeader() throws HttpException, IOException {
    return delegate.receiveResponseHeader();
  }

  @Override
  public void receiveResponseEntity(ClassicHttpResponse response)
      throws HttpException, IOException {
    delegate.receiveResponseEntity(response);
  }

  @Override
  public boolean isDataAvailable(Timeout timeout) throws IOException {
    return delegate.isDataAvailable(timeout);
  }

  @Override
  public void flush() throws IOException {
    delegate.flush();
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  @Override
  public void close(CloseMode closeMode) {
    delegate.close(closeMode);
  }

  @Override
  public EndpointDetails getEndpointDetails() {
    return delegate.getEndpointDetails();
  }

  @Override
  public SocketAddress getLocalAddress() {
    return delegate.getLocalAddress();
  }

  @Override
  public SocketAddress getRemoteAddress() {
    return delegate.getRemoteAddress();
  }

  @Override
  public ProtocolVersion getProtocolVersion() {
    return delegate.getProtocolVersion();
  }

  @Override
  public boolean isOpen() {
    return delegate.isOpen();
  }

  @Override
  public Timeout getSocketTimeout() {
    return delegate.getSocketTimeout();
  }

  @Override
  public void setSocketTimeout(Timeout timeout) {
    delegate.setSocketTimeout(timeout);
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
