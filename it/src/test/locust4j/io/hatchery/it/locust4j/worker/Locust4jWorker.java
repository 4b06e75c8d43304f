package io.hatchery.it.locust4j.worker;

import com.github.myzhan.locust4j.AbstractTask;
import com.github.myzhan.locust4j.Locust;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Locust4j worker scenario for Hatchery's interop tests, compiled by the test (javax.tools)
 * against whichever Locust4j release the test runs (1.0.0 or 1.0.14: both have this API) and
 * started in a JVM of its own with that release's jars.
 *
 * <p>Two tasks make real HTTP requests to the test target and report them through Locust4j's API:
 * {@code /hello} (weight 3) as a success, {@code /status/500} (weight 1) as a failure named
 * {@code /fail}. The whole process makes at most {@code requestBudget} requests, then idles, so a
 * test can wait until every request reached the master before it stops the run (Locust4j 1.0.14
 * drops whatever it recorded after its last 3-second report when it is stopped).
 *
 * <p>Locust4j 1.0.0 loses the first records after a {@code hatch}: its stats thread starts lazily
 * on the first record, and one pass of its loop takes a record and then the "clear stats" request
 * that the hatch queued, wiping that record. So this worker starts 1.0.0's stats thread at once, and
 * each user waits a little more than one report interval (3 s, during which the stats timer wakes
 * that thread and the clear is done) before its first request.
 *
 * <p>Arguments: {@code <masterHost> <masterPort> <targetBaseUrl> <requestBudget>}.
 */
public final class Locust4jWorker {
  private static final Duration IDLE = Duration.ofMillis(100);
  private static final Duration PACING = Duration.ofMillis(10);
  private static final Duration FIRST_REQUEST_DELAY = Duration.ofMillis(3_500);
  private static final String LEGACY_STATS_CLASS = "com.github.myzhan.locust4j.Stats";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final AtomicLong remaining = new AtomicLong();
  private static final ThreadLocal<Boolean> started = ThreadLocal.withInitial(() -> false);
  private static String baseUrl;

  private Locust4jWorker() {}

  public static void main(String[] args) {
    baseUrl = args[2];
    remaining.set(Long.parseLong(args[3]));
    startLegacyStatsThread();
    Locust locust = Locust.getInstance();
    locust.setMasterHost(args[0]);
    locust.setMasterPort(Integer.parseInt(args[1]));
    locust.run(new Get("hello", 3, "/hello", "/hello"), new Get("fail", 1, "/status/500", "/fail"));
  }

  /** Creates Locust4j 1.0.0's stats singleton, which starts its threads (a no-op for 1.0.5+). */
  private static void startLegacyStatsThread() {
    try {
      Method getInstance = Class.forName(LEGACY_STATS_CLASS).getDeclaredMethod("getInstance");
      getInstance.setAccessible(true);
      getInstance.invoke(null);
    } catch (ClassNotFoundException newerRelease) {
      // 1.0.5 and later start their stats thread in Locust.run.
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One task: GET {@code path}; a success when the status is 200, else a failure. */
  private static final class Get extends AbstractTask {
    private final String taskName;
    private final int weight;
    private final String path;
    private final String requestName;

    Get(String taskName, int weight, String path, String requestName) {
      this.taskName = taskName;
      this.weight = weight;
      this.path = path;
      this.requestName = requestName;
    }

    @Override
    public int getWeight() {
      return weight;
    }

    @Override
    public String getName() {
      return taskName;
    }

    @Override
    public void execute() {
      if (!started.get()) {
        started.set(true);
        pause(FIRST_REQUEST_DELAY);
      }
      if (remaining.getAndDecrement() <= 0) {
        pause(IDLE);
        return;
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build();
      long started = System.nanoTime();
      try {
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (response.statusCode() == 200) {
          Locust.getInstance().recordSuccess("GET", requestName, millis, response.body().length);
        } else {
          String error = "HTTP " + response.statusCode();
          Locust.getInstance().recordFailure("GET", requestName, millis, error);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        Locust.getInstance().recordFailure("GET", requestName, millis, e.toString());
      }
      pause(PACING);
    }

    private static void pause(Duration duration) {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
