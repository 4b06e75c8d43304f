package io.hatchery.http;

/**
 * A block of requests reported under one name, from {@link HttpSession#rename(String)} until {@link
 * #close()}: Locust's {@code with client.rename_request(name):}. Closing restores the name that was
 * in force before, so blocks nest. A name given per request ({@link Request#named}) still wins
 * inside the block.
 *
 * <pre>{@code
 * try (var block = client.rename("/item/[id]")) {
 *   client.get("/item/1");
 *   client.get("/item/2");
 * }
 * }</pre>
 *
 * <p>Meant for the user thread that opened it; the name is the session's, so requests of other
 * threads using the same session are renamed too while it is open.
 */
public final class Renaming implements AutoCloseable {

  private final HttpSession session;
  private final String previous;
  private boolean closed;

  Renaming(HttpSession session, String previous) {
    this.session = session;
    this.previous = previous;
  }

  /** Ends the block; idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      session.restoreName(previous);
    }
  }
}
