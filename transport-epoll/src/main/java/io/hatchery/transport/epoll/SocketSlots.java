package io.hatchery.transport.epoll;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * A native poller's open sockets by slot, and the tokens that find them. A token is the slot in its
 * low 32 bits and a generation, counted per socket, in the next 28 (the top 4 are left to the
 * poller). A completion or event for a socket closed since its request was made carries a token
 * whose slot is empty or holds a newer socket with another generation: {@link #find} returns null
 * for it.
 *
 * <p>Not thread-safe: the poller's I/O thread.
 */
final class SocketSlots<S extends NativeSocket> {
  /** The bits of a token that {@link SocketSlots} uses. */
  static final long TOKEN_MASK = (1L << 60) - 1;

  private NativeSocket[] sockets = new NativeSocket[64];
  private int[] freeSlots = new int[64];
  private int freeCount;
  private int slotsUsed;
  private int generation;

  /**
   * Puts the socket {@code create} makes from its new token in a free slot.
   *
   * @throws RuntimeException whatever {@code create} throws; the slot is then free again
   */
  S add(LongFunction<S> create) {
    int slot = takeSlot();
    long token = ((long) (generation++ & 0x0fff_ffff) << 32) | slot;
    S socket;
    try {
      socket = create.apply(token);
    } catch (RuntimeException e) {
      freeSlot(slot);
      throw e;
    }
    sockets[slot] = socket;
    return socket;
  }

  /** The open socket {@code token} (its low 60 bits) names, or null. */
  @SuppressWarnings("unchecked")
  S find(long token) {
    long key = token & TOKEN_MASK;
    int slot = (int) key;
    if (slot < 0 || slot >= slotsUsed) {
      return null;
    }
    NativeSocket socket = sockets[slot];
    return socket != null && socket.token == key ? (S) socket : null;
  }

  /** Frees {@code socket}'s slot (when it closes). */
  void remove(NativeSocket socket) {
    int slot = (int) socket.token;
    if (sockets[slot] == socket) {
      sockets[slot] = null;
      freeSlot(slot);
    }
  }

  /** Calls {@code action} for every socket; it may close the socket it is given. */
  @SuppressWarnings("unchecked")
  void forEach(Consumer<? super S> action) {
    for (int slot = 0; slot < slotsUsed; slot++) {
      NativeSocket socket = sockets[slot];
      if (socket != null) {
        action.accept((S) socket);
      }
    }
  }

  private int takeSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotsUsed == sockets.length) {
      sockets = Arrays.copyOf(sockets, sockets.length * 2);
    }
    return slotsUsed++;
  }

  private void freeSlot(int slot) {
    if (freeCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
    }
    freeSlots[freeCount++] = slot;
  }
}
