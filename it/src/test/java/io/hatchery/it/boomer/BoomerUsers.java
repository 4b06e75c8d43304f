package io.hatchery.it.boomer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated users of a {@link BoomerQuirksWorker}: one virtual thread each, looping over two
 * weighted tasks that make real HTTP requests and record them into {@link BoomerStats} as Boomer's
 * {@code RecordSuccess}/{@code RecordFailure} would: {@code GET /hello} (weight 3) as a success and
 * {@code GET /status/500} (weight 1) as a failure named {@code /fail}.
 *
 * <p>The whole worker makes at most {@code requestBudget} requests, then its users idle. Stopping
 * is graceful, like Boomer's goroutines that check for a stop between tasks: a request in flight
 * completes and is recorded. Thread-safe.
 */
final class BoomerUsers {
  static final String HELLO_PATH = "/hello";
  static final String FAIL_PATH = "/status/500";
  static final String FAIL_NAME = "/fail";
  static final String METHOD = "GET";

  private static final Duration IDLE = Duration.ofMillis(100);
  private static final Duration PACING = Duration.ofMillis(10);

  private final HttpClient http = HttpClient.newBuilder().build();
  private final String baseUrl;
  private final BoomerStats stats;
  private final AtomicLong remaining;
  private final List<User> running = new ArrayList<>();

  BoomerUsers(String baseUrl, BoomerStats stats, long requestBudget) {
    this.baseUrl = baseUrl;
    this.stats = stats;
    this.remaining = new AtomicLong(requestBudget);
  }

  /** Starts or stops users until {@code count} run; returns at once after starting. */
  synchronized void adjustTo(int count) throws InterruptedException {
    while (running.size() < count) {
      User user = new User();
      user.thread = Thread.ofVirtual().name("boomer-user-" + running.size()).start(user::run);
      running.add(user);
    }
    List<User> leaving = new ArrayList<>();
    while (running.size() > count) {
      User user = running.removeLast();
      user.stopping.set(true);
      leaving.add(user);
    }
    for (User user : leaving) {
      user.thread.join();
    }
  }

  /** Users running now. */
  synchronized int count() {
    return running.size();
  }

  private final class User {
    private final AtomicBoolean stopping = new AtomicBoolean();
    private Thread thread;

    void run() {
      while (!stopping.get()) {
        if (remaining.getAndDecrement() <= 0) {
          pause(IDLE);
          continue;
        }
        if (ThreadLocalRandom.current().nextInt(4) < 3) {
          get(HELLO_PATH, HELLO_PATH);
        } else {
          get(FAIL_PATH, FAIL_NAME);
        }
        pause(PACING);
      }
    }

    private void get(String path, String name) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build();
      long started = System.nanoTime();
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (response.statusCode() == 200) {
          stats.logRequest(METHOD, name, millis, response.body().length);
        } else {
          stats.logError(METHOD, name, "HTTP " + response.statusCode());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopping.set(true);
      } catch (Exception e) {
        stats.logError(METHOD, name, e.toString());
      }
    }

    private void pause(Duration duration) {
      try {
        Thread.sleep(duration);
      } catch (InterruptedException e) {
        stopping.set(true);
      }
    }
  }
}
