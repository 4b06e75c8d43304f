package io.hatchery.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link TestTarget} as its own process, for tests whose target must live on another
 * (namespaced) host: {@code java -cp … io.hatchery.testkit.TestTargetMain ADDRESS PORT
 * COUNTS_FILE}. Prints {@code listening on URL} once it accepts requests; on SIGTERM it stops and
 * writes the request counts as {@code path count} lines to {@code COUNTS_FILE}.
 */
public final class TestTargetMain {
  private TestTargetMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: TestTargetMain ADDRESS PORT COUNTS_FILE");
      System.exit(2);
    }
    TestTarget target = TestTarget.start(new InetSocketAddress(args[0], Integer.parseInt(args[1])));
    Path countsFile = Path.of(args[2]);
    CountDownLatch never = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  target.close();
                  writeCounts(target.requestCounts(), countsFile);
                }));
    System.out.println("listening on " + target.baseUrl());
    System.out.flush();
    never.await();
  }

  private static void writeCounts(Map<String, Long> counts, Path file) {
    StringBuilder text = new StringBuilder();
    counts.forEach((path, count) -> text.append(path).append(' ').append(count).append('\n'));
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
