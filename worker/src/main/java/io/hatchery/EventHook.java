package io.hatchery;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One event with its listeners (Locust's {@code EventHook}). Listeners run in registration order on
 * the firing thread; a listener that throws is logged and the next one still runs, as in Locust.
 *
 * <pre>{@code
 * environment.events().request().add(event -> { if (event.exception() != null) failures.increment(); });
 * }</pre>
 *
 * <p>Thread-safety: {@link #add}, {@link #remove} and {@link #fire} may be called from any thread
 * at any time; a listener added during a fire may or may not see that event.
 *
 * @param <E> the event's data
 */
public final class EventHook<E> {

  private static final System.Logger LOG = System.getLogger(EventHook.class.getName());

  private final String name;
  private final List<Consumer<? super E>> listeners = new CopyOnWriteArrayList<>();

  /** Creates an event hook; {@code name} (Locust's event name) appears in log lines. */
  public EventHook(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** Adds a listener; returns it, so it can be removed later. */
  public <L extends Consumer<? super E>> L add(L listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return listener;
  }

  /** Removes one registration of {@code listener}; returns whether it was registered. */
  public boolean remove(Consumer<? super E> listener) {
    return listeners.remove(listener);
  }

  /** Calls every listener with {@code event}. */
  public void fire(E event) {
    for (Consumer<? super E> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException | Error e) {
        if (e instanceof VirtualMachineError) {
          throw e;
        }
        LOG.log(System.Logger.Level.ERROR, "Uncaught exception in " + name + " event listener", e);
      }
    }
  }

  /** Whether no listener is registered. */
  public boolean isEmpty() {
    return listeners.isEmpty();
  }
}
