package io.hatchery.it;

import io.hatchery.RequestEvent;
import io.hatchery.Task;
import io.hatchery.User;
import io.hatchery.WaitTime;
import io.hatchery.http.ConnectionPool;
import io.hatchery.http.HttpSession;
import io.hatchery.http.Response;
import java.util.Map;

/**
 * A user for the interop runs: {@code GET /hello}, and every tenth time {@code GET /status/503} (a
 * failure), through Hatchery's {@link HttpSession}, reporting each request as a request event so
 * the engine records it. The class name is the one the Python locustfile declares.
 */
public class InteropHttpUser extends User {
  private static final ConnectionPool POOL = ConnectionPool.create();

  private HttpSession client;
  private long iteration;

  @Override
  public WaitTime waitTime() {
    return WaitTime.constant(0.02);
  }

  @Override
  public void onStart() {
    client =
        new HttpSession(
            POOL,
            host(),
            (type, name, millis, length, error, response) ->
                environment()
                    .events()
                    .request()
                    .fire(new RequestEvent(type, name, millis, length, error, Map.of(), response)));
  }

  @Task
  public void browse() {
    String path = ++iteration % 10 == 0 ? "/status/503" : "/hello";
    try (Response response = client.get(path)) {
      response.status();
    }
  }
}
