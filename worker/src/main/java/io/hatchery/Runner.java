package io.hatchery;

/**
 * What a scenario sees of the runner that executes it: Locust's {@code environment.runner}.
 *
 * <p>Implemented by the worker runtime (a worker process or the worker half of standalone mode).
 * Every method may be called from any thread, including user threads.
 */
public interface Runner {

  /**
   * Where the code runs, Locust's {@code MasterRunner}, {@code WorkerRunner}, {@code LocalRunner}.
   */
  enum Role {
    MASTER,
    WORKER,
    LOCAL
  }

  /** Returns where this runner runs. */
  Role role();

  /**
   * Asks the whole run to end: users stop, final statistics are sent and the process exits, as
   * {@code runner.quit()} does in Locust. Returns at once; the shutdown happens on the runner's own
   * threads.
   */
  void quit();

  /**
   * Sends a custom message to the master ({@code runner.send_message(type, data)} on a worker).
   *
   * @param type any type that is not one of Locust's own message types
   * @param data a value the protocol codec can encode (null, Boolean, numbers, String, byte[],
   *     List, Map)
   * @throws IllegalArgumentException for a Locust message type or data the codec cannot encode
   */
  void sendMessage(String type, Object data);

  /**
   * Registers {@code listener} for custom messages of {@code type} from the master ({@code
   * runner.register_message}). A second registration for the same type replaces the first.
   * Listeners run on the runner's control thread and must not block.
   */
  void registerMessage(String type, CustomMessageListener listener);

  /** Users currently running in this process. */
  int userCount();

  /** The index the master assigned in its {@code ack}, or -1 before the first ack / when local. */
  int workerIndex();
}
