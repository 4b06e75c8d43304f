package io.hatchery.it;

import io.hatchery.Runner;
import io.hatchery.stats.ErrorTexts;
import io.hatchery.stats.StatsRecorder;
import io.hatchery.worker.runtime.ScenarioBridge;
import io.hatchery.worker.runtime.UserErrorListener;
import io.hatchery.worker.runtime.UserPool;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stand-in for the scenario engine that makes real HTTP requests: class {@code MyUser} loops
 * {@code GET /hello} (and every tenth time {@code GET /status/503}, a failure) on a virtual thread
 * per user, recording each answered request in a {@link StatsRecorder}. A stopped user finishes its
 * current request and records it, so what the target served and what was recorded agree exactly.
 */
final class FakeHttpScenarioBridge implements ScenarioBridge, UserPool {
  static final String USER_CLASS = "MyUser";
  private static final Duration WAIT = Duration.ofMillis(20);
  private static final String FAILURE = ErrorTexts.ofException("HTTPError", "503 Server Error");

  private final StatsRecorder stats = new StatsRecorder(InstantSource.system());
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<User> users = new ArrayList<>();
  private volatile String host;
  private volatile int running;

  @Override
  public void bind(Runner runner, UserErrorListener userErrors) {}

  @Override
  public UserPool users() {
    return this;
  }

  @Override
  public StatsRecorder stats() {
    return stats;
  }

  @Override
  public void setHost(String host) {
    this.host = host;
  }

  @Override
  public void fireTestStart() {}

  @Override
  public void fireTestStop() {}

  @Override
  public void fireSpawningComplete(int userCount) {}

  @Override
  public void fireReportToMaster(Map<String, Object> data) {}

  @Override
  public void fireQuitting() {}

  @Override
  public void fireCustomMessage(String type, Object data, String nodeId) {}

  @Override
  public Set<String> applyTargets(Map<String, Integer> targetsByClass, Duration stopTimeout) {
    Set<String> unknown = new TreeSet<>(targetsByClass.keySet());
    unknown.remove(USER_CLASS);
    int target = targetsByClass.getOrDefault(USER_CLASS, users.size());
    while (users.size() < target) {
      users.add(new User());
    }
    while (users.size() > target) {
      users.removeLast().stopping.set(true);
    }
    running = users.size();
    return unknown;
  }

  @Override
  public void stopAll(Duration stopTimeout) {
    List<User> stopped = new ArrayList<>(users);
    users.clear();
    running = 0;
    stopped.forEach(user -> user.stopping.set(true));
    for (User user : stopped) {
      try {
        user.thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public Map<String, Integer> userCountsByClass() {
    return Map.of(USER_CLASS, running);
  }

  @Override
  public int userCount() {
    return running;
  }

  private final class User {
    final AtomicBoolean stopping = new AtomicBoolean();
    final Thread thread = Thread.ofVirtual().name("fake-user").start(this::loop);

    private void loop() {
      long iteration = 0;
      while (!stopping.get()) {
        String path = ++iteration % 10 == 0 ? "/status/503" : "/hello";
        request(path);
        try {
          Thread.sleep(WAIT);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private void request(String path) {
      long start = System.nanoTime();
      try {
        HttpResponse<byte[]> response =
            http.send(
                HttpRequest.newBuilder(URI.create(host + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() >= 400) {
          stats.recordFailure(path, "GET", millis, response.body().length, FAILURE);
        } else {
          stats.record(path, "GET", millis, response.body().length);
        }
      } catch (IOException | InterruptedException e) {
        stats.recordFailure(path, "GET", 0.0, 0, ErrorTexts.ofException("IOError", e.toString()));
      }
    }
  }
}
