package io.hatchery.cli;

import io.hatchery.RequestEvent;
import io.hatchery.Task;
import io.hatchery.User;
import io.hatchery.WaitTime;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

/**
 * A scenario on the test classpath, run with {@code -f io.hatchery.cli.ShopUser}: plain JDK HTTP
 * calls reported through the request event (a status of 400 or more is a failure).
 */
public class ShopUser extends User {
  @Override
  public WaitTime waitTime() {
    return WaitTime.constant(0.05);
  }

  @Task(weight = 3)
  public void hello() {
    get("/hello");
  }

  @Task
  public void fail() {
    get("/status/500");
  }

  private void get(String path) {
    long start = System.nanoTime();
    Throwable failure = null;
    long length = 0;
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(host() + path).toURL().openConnection();
      int status = connection.getResponseCode();
      InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      if (body != null) {
        length = body.readAllBytes().length;
        body.close();
      }
      if (status >= 400) {
        failure = new IOException(status + " Server Error for url: " + path);
      }
    } catch (IOException e) {
      failure = e;
    }
    double millis = (System.nanoTime() - start) / 1e6;
    environment()
        .events()
        .request()
        .fire(RequestEvent.of("GET", path, millis, length, failure, Map.of()));
  }
}
