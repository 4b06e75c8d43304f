package io.hatchery.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Python locustfile the interop tests give real Locust processes: one {@code MyUser} that
 * requests {@link TestTarget}'s {@code /hello} (weight 3) and {@code /status/500} under the name
 * {@code /fail} (weight 1), 50 ms apart, so every run has successes and failures to reconcile.
 * Stateless and thread-safe.
 */
public final class PythonLocustfile {
  /** The user class it declares. */
  public static final String USER_CLASS = "MyUser";

  private static final String SOURCE =
      """
      from locust import HttpUser, constant, task

      class MyUser(HttpUser):
          wait_time = constant(0.05)

          @task(3)
          def hello(self):
              self.client.get("/hello")

          @task(1)
          def fail(self):
              self.client.get("/status/500", name="/fail")
      """;

  private PythonLocustfile() {}

  /** Writes it as {@code dir/locustfile.py} (Locust's default file name) and returns that path. */
  public static Path writeTo(Path dir) throws IOException {
    return Files.writeString(dir.resolve("locustfile.py"), SOURCE);
  }
}
