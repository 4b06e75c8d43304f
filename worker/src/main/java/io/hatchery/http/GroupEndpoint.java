package io.hatchery.http;

import java.io.IOException;
import org.apache.hc.client5.http.EndpointInfo;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * An endpoint leased from one {@link ConnectionGroup}'s pool, remembering that pool so that {@link
 * GroupedConnections} can hand it back there. Delegates everything; one thread at a time.
 */
final class GroupEndpoint extends ConnectionEndpoint {

  final ConnectionEndpoint delegate;
  final PoolingHttpClientConnectionManager owner;

  GroupEndpoint(ConnectionEndpoint delegate, PoolingHttpClientConnectionManager owner) {
    this.delegate = delegate;
    this.owner = owner;
  }

  @Override
  @SuppressWarnings("deprecation") // still abstract in 5.4, so it must be implemented
  public ClassicHttpResponse execute(
      String id, ClassicHttpRequest request, HttpRequestExecutor executor, HttpContext context)
      throws IOException, HttpException {
    return delegate.execute(id, request, executor, context);
  }

  @Override
  public ClassicHttpResponse execute(
      String id, ClassicHttpRequest request, RequestExecutor executor, HttpContext context)
      throws IOException, HttpException {
    return delegate.execute(id, request, executor, context);
  }

  @Override
  public boolean isConnected() {
    return delegate.isConnected();
  }

  @Override
  public void setSocketTimeout(Timeout timeout) {
    delegate.setSocketTimeout(timeout);
  }

  @Override
  public EndpointInfo getInfo() {
    return delegate.getInfo();
  }

  @Override
  public void close(CloseMode closeMode) {
    delegate.close(closeMode);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
