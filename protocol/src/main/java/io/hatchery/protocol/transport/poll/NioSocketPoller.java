package io.hatchery.protocol.transport.poll;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SocketPoller} on JDK NIO: a {@link ServerSocketChannel} and a {@link Selector}, on every
 * platform. Thread-safety as {@link SocketPoller}'s.
 */
final class NioSocketPoller implements SocketPoller {
  static final String NAME = "nio";

  private static final Logger log = LoggerFactory.getLogger(NioSocketPoller.class);

  private final ServerSocketChannel listener;
  private final Selector selector;
  private final int keepAliveIdleSeconds;
  private final Consumer<SelectionKey> onKey = this::onKey;

  /** The handler of the poll under way; I/O thread. */
  private ReadyHandler handler;

  private NioSocketPoller(
      ServerSocketChannel listener, Selector selector, int keepAliveIdleSeconds) {
    this.listener = listener;
    this.selector = selector;
    this.keepAliveIdleSeconds = keepAliveIdleSeconds;
  }

  /** See {@link SocketPollerProvider#open}. */
  static NioSocketPoller open(InetSocketAddress address, int backlog, int keepAliveIdleSeconds)
      throws IOException {
    ServerSocketChannel listener = ServerSocketChannel.open();
    Selector selector = null;
    try {
      listener.bind(address, backlog);
      listener.configureBlocking(false);
      selector = Selector.open();
      listener.register(selector, SelectionKey.OP_ACCEPT);
      return new NioSocketPoller(listener, selector, keepAliveIdleSeconds);
    } catch (IOException | RuntimeException e) {
      closeQuietly(listener);
      if (selector != null) {
        closeQuietly(selector);
      }
      throw e;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int localPort() {
    return listener.socket().getLocalPort();
  }

  @Override
  public int poll(long timeoutMillis, ReadyHandler handler) throws IOException {
    this.handler = handler;
    try {
      // The consumer form: no selected-key set to fill, iterate and empty on every poll.
      return timeoutMillis > 0 ? selector.select(onKey, timeoutMillis) : selector.selectNow(onKey);
    } finally {
      this.handler = null;
    }
  }

  private void onKey(SelectionKey key) {
    if (!key.isValid()) {
      return;
    }
    if (key.isAcceptable()) {
      handler.acceptable();
    } else {
      int ready = key.readyOps();
      handler.ready(
          (NioSocket) key.attachment(),
          (ready & SelectionKey.OP_READ) != 0,
          (ready & SelectionKey.OP_WRITE) != 0);
    }
  }

  @Override
  public PolledSocket accept() throws IOException {
    SocketChannel channel = listener.accept();
    if (channel == null) {
      return null;
    }
    try {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
      if (channel.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
        channel.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, keepAliveIdleSeconds);
      }
      NioSocket socket = new NioSocket(channel, String.valueOf(channel.getRemoteAddress()));
      socket.key = channel.register(selector, 0, socket);
      return socket;
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  @Override
  public void forEachSocket(Consumer<PolledSocket> action) {
    for (SelectionKey key : selector.keys()) {
      if (key.isValid() && key.attachment() instanceof NioSocket socket) {
        action.accept(socket);
      }
    }
  }

  @Override
  public void wakeup() {
    selector.wakeup();
  }

  @Override
  public void close() {
    for (SelectionKey key : selector.keys()) {
      closeQuietly(key.channel());
    }
    closeQuietly(listener);
    closeQuietly(selector);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.debug("closing {}", closeable, e);
    }
  }

  /** A {@link SocketChannel} and its key. */
  private static final class NioSocket implements PolledSocket {
    private final SocketChannel channel;
    private final String remoteAddress;
    private SelectionKey key;
    private Object attachment;

    NioSocket(SocketChannel channel, String remoteAddress) {
      this.channel = channel;
      this.remoteAddress = remoteAddress;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return channel.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      return channel.write(src);
    }

    @Override
    public void interest(boolean read, boolean write) {
      int wanted = (read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0);
      if (key.isValid() && key.interestOps() != wanted) {
        key.interestOps(wanted);
      }
    }

    @Override
    public boolean isOpen() {
      return key.isValid();
    }

    @Override
    public void close() {
      key.cancel();
      closeQuietly(channel);
    }

    @Override
    public Object attachment() {
      return attachment;
    }

    @Override
    public void attach(Object attachment) {
      this.attachment = attachment;
    }

    @Override
    public String remoteAddress() {
      return remoteAddress;
    }
  }
}
