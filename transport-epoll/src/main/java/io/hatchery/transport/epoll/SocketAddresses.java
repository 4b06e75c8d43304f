package io.hatchery.transport.epoll;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Linux's {@code sockaddr_in} (16 bytes) and {@code sockaddr_in6} (28 bytes): the family in host
 * byte order, then the port in network byte order; an IPv4 address at offset 4, or an IPv6 one at
 * offset 8 followed by its scope id.
 *
 * <p>Thread-safety: stateless.
 */
final class SocketAddresses {
  /** Room for any address this transport handles ({@code sockaddr_in6}), rounded up. */
  static final int MAX_BYTES = 32;

  private static final int IN_BYTES = 16;
  private static final int IN6_BYTES = 28;

  private SocketAddresses() {}

  /** {@code address} as the sockaddr of {@code family}, allocated in {@code arena}. */
  static MemorySegment encode(Arena arena, int family, InetAddress address, int port) {
    boolean v6 = family == Syscalls.AF_INET6;
    MemorySegment sockaddr = arena.allocate(v6 ? IN6_BYTES : IN_BYTES, 8);
    sockaddr.set(JAVA_SHORT, 0, (short) family);
    sockaddr.set(JAVA_BYTE, 2, (byte) (port >>> 8));
    sockaddr.set(JAVA_BYTE, 3, (byte) port);
    byte[] raw = v6 ? ipv6Bytes(address) : address.getAddress();
    MemorySegment.copy(raw, 0, sockaddr, JAVA_BYTE, v6 ? 8 : 4, raw.length);
    if (v6 && address instanceof Inet6Address inet6) {
      sockaddr.set(java.lang.foreign.ValueLayout.JAVA_INT, 24, inet6.getScopeId());
    }
    return sockaddr;
  }

  /** An IPv4 address as its IPv4-mapped IPv6 form; an IPv6 one as is. */
  private static byte[] ipv6Bytes(InetAddress address) {
    byte[] raw = address.getAddress();
    if (raw.length == 16) {
      return raw;
    }
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(raw, 0, mapped, 12, 4);
    return mapped;
  }

  /** The port of a sockaddr of either family. */
  static int port(MemorySegment sockaddr) {
    return (Byte.toUnsignedInt(sockaddr.get(JAVA_BYTE, 2)) << 8)
        | Byte.toUnsignedInt(sockaddr.get(JAVA_BYTE, 3));
  }

  /**
   * A sockaddr as {@code /host:port}, as {@link InetSocketAddress#toString()} prints an accepted
   * peer (an IPv4-mapped IPv6 address as IPv4); {@code "an unknown address"} for another family.
   */
  static String describe(MemorySegment sockaddr) {
    int family = sockaddr.get(JAVA_SHORT, 0);
    byte[] raw;
    if (family == Syscalls.AF_INET) {
      raw = new byte[4];
      MemorySegment.copy(sockaddr, JAVA_BYTE, 4, raw, 0, 4);
    } else if (family == Syscalls.AF_INET6) {
      raw = new byte[16];
      MemorySegment.copy(sockaddr, JAVA_BYTE, 8, raw, 0, 16);
    } else {
      return "an unknown address";
    }
    try {
      return new InetSocketAddress(InetAddress.getByAddress(raw), port(sockaddr)).toString();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a raw address of 4 or 16 bytes is always valid", e);
    }
  }
}
