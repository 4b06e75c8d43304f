package io.hatchery.transport.epoll;

import io.hatchery.protocol.transport.poll.SocketPoller;
import java.io.IOException;
import java.net.InetSocketAddress;

/** {@link EpollSocketPoller} against {@link NativeSocketPollerContract}. */
class EpollSocketPollerTest extends NativeSocketPollerContract {
  @Override
  String transport() {
    return EpollSocketPoller.NAME;
  }

  @Override
  SocketPoller openPoller(InetSocketAddress address) throws IOException {
    return EpollSocketPoller.open(address, 128, 30);
  }
}
