package io.hatchery.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A master, two workers and a target, each on its own host (network namespace) of a {@link
 * NetnsLab}, started with the command lines of the shipped Kubernetes manifests: the arguments and
 * {@code LOCUST_*} variables are read from {@code deploy/k8s}, and only what a cluster would
 * provide differently is replaced (the scenario path, the master's and the target's addresses, the
 * report directory, a shorter run). Needs root, iproute2, iptables and curl.
 */
@Timeout(300)
class MultiHostIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCENARIO =
      """
      import io.hatchery.*;

      public class MultiHostUser extends HttpUser {
        @Override
        public WaitTime waitTime() {
          return WaitTime.constant(0.05);
        }

        @Task(weight = 3)
        public void hello() {
          client.get("/hello");
        }

        @Task
        public void item() {
          client.get("/item");
        }
      }
      """;

  private static NetnsLab lab;
  private static Path dir;
  private static Path scenario;

  @BeforeAll
  static void createLab() throws IOException {
    lab = NetnsLab.create(List.of("master", "w1", "w2", "target"));
    dir = Files.createDirectories(Path.of("target", "multihost").toAbsolutePath());
    scenario = dir.resolve("locustfile.java");
    Files.writeString(scenario, SCENARIO);
  }

  @AfterAll
  static void removeLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void headlessJobCommandRunsAcrossHostsAndReconcilesWithTheTarget() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Path counts = dir.resolve("target-counts-headless.txt");
    List<ClusterProcess> processes = new ArrayList<>();
    try {
      processes.add(startTarget(counts));
      Container job = container(load("headless/master-job.yaml"), Job.class);
      Map<String, String> env = environment(job);
      env.put("LOCUST_HOST", targetUrl());
      env.put("LOCUST_USERS", "10");
      env.put("LOCUST_SPAWN_RATE", "10");
      env.put("LOCUST_RUN_TIME", "12s");
      env.put("LOCUST_EXPECT_WORKERS", "2");
      env.put("LOCUST_EXPECT_WORKERS_MAX_WAIT", "120");
      List<String> args = replacePaths(job.getArgs(), reports);
      ClusterProcess master = start("master-headless", "master", args, env);
      processes.add(master);
      processes.add(startWorker("w1-headless", "w1"));
      processes.add(startWorker("w2-headless", "w2"));

      int exit = master.awaitExit(180);
      assertThat(exit).as(master.tail()).isZero();
      processes.get(0).close();
      Map<String, Long> served = readCounts(counts);
      Map<String, Long> reported = requestCounts(reports.resolve("run_stats.csv"));
      assertThat(served.get("/hello")).as("target served /hello").isPositive();
      assertThat(reported).as("master's CSV vs what the target served").isEqualTo(served);
      assertThat(reports.resolve("report.html")).isNotEmptyFile();
    } finally {
      closeAll(processes);
    }
  }

  @Test
  void aWorkerCutOffIsMarkedMissingItsUsersMoveAndItRejoins() throws Exception {
    List<ClusterProcess> processes = new ArrayList<>();
    try {
      processes.add(startTarget(dir.resolve("target-counts-cut.txt")));
      Container ui = container(load("master-deployment.yaml"), Deployment.class);
      Map<String, String> env = environment(ui);
      env.put("LOCUST_HOST", targetUrl());
      env.put("LOCUST_USERS", "20");
      env.put("LOCUST_SPAWN_RATE", "20");
      env.put("LOCUST_EXPECT_WORKERS", "2");
      env.put("LOCUST_AUTOSTART", "true");
      processes.add(start("master-ui", "master", replacePaths(ui.getArgs(), dir), env));
      processes.add(startWorker("w1-cut", "w1"));
      // every namespace shares the machine's host name, so w1 is told apart by joining first
      JsonNode first =
          awaitStats(
              "w1 registered", s -> workers(s).size() == 1, Duration.ofSeconds(60), processes);
      String cutId = workers(first).keySet().iterator().next();
      processes.add(startWorker("w2-cut", "w2"));

      awaitStats(
          "both workers running 10 users each",
          s ->
              workers(s).size() == 2
                  && s.path("user_count").asInt() == 20
                  && workers(s).values().stream().allMatch(w -> w.path("user_count").asInt() == 10),
          Duration.ofSeconds(90),
          processes);

      lab.cutLink("w1");
      Instant cutAt = Instant.now();
      awaitStats(
          "the cut worker missing and its users on the other",
          s ->
              "missing".equals(workers(s).get(cutId).path("state").asText())
                  && workers(s).entrySet().stream()
                      .filter(e -> !e.getKey().equals(cutId))
                      .allMatch(e -> e.getValue().path("user_count").asInt() == 20),
          Duration.ofSeconds(20),
          processes);
      Duration left = Duration.ofSeconds(20).minus(Duration.between(cutAt, Instant.now()));
      if (!left.isNegative()) {
        TimeUnit.MILLISECONDS.sleep(left.toMillis()); // the outage lasts 20 s, as specified
      }
      lab.restoreLink("w1");

      awaitStats(
          "the cut worker back and users spread again",
          s ->
              workers(s).containsKey(cutId)
                  && !"missing".equals(workers(s).get(cutId).path("state").asText())
                  && workers(s).get(cutId).path("user_count").asInt() > 0
                  && s.path("user_count").asInt() == 20,
          Duration.ofSeconds(60),
          processes);
    } finally {
      closeAll(processes);
    }
  }

  private static String targetUrl() {
    return "http://" + lab.address("target") + ":8080";
  }

  private static ClusterProcess startTarget(Path counts) throws IOException, InterruptedException {
    List<String> command =
        List.of(
            java(),
            "-cp",
            System.getProperty("java.class.path"),
            "io.hatchery.testkit.TestTargetMain",
            lab.address("target"),
            "8080",
            counts.toString());
    ClusterProcess target =
        ClusterProcess.start("target", lab.inHost("target", command), Map.of(), dir);
    awaitHttp("target", "http://" + lab.address("target") + ":8080/ready-probe", "target", target);
    return target;
  }

  private static ClusterProcess startWorker(String name, String host) throws IOException {
    Container worker = container(load("worker-deployment.yaml"), Deployment.class);
    Map<String, String> env = environment(worker);
    env.put("LOCUST_MASTER_NODE_HOST", lab.address("master"));
    return start(name, host, replacePaths(worker.getArgs(), dir), env);
  }

  private static ClusterProcess start(
      String name, String host, List<String> args, Map<String, String> env) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
    command.addAll(args);
    return ClusterProcess.start(name, lab.inHost(host, command), env, dir);
  }

  /** The manifest's scenario path becomes the lab's scenario, its report dir {@code reports}. */
  private static List<String> replacePaths(List<String> args, Path reports) {
    List<String> replaced = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("/scenario/locustfile.java")) {
        replaced.add(scenario.toString());
      } else if (arg.startsWith("/reports/")) {
        replaced.add(reports.resolve(arg.substring("/reports/".length())).toString());
      } else {
        replaced.add(arg);
      }
    }
    return replaced;
  }

  private static List<HasMetadata> load(String file) {
    return KubeYaml.parse(RepoFiles.read("deploy/k8s/" + file));
  }

  private static <T extends HasMetadata> Container container(
      List<HasMetadata> objects, Class<T> type) {
    HasMetadata workload = KubeYaml.ofType(objects, type).get(0);
    return workload instanceof Job job
        ? job.getSpec().getTemplate().getSpec().getContainers().get(0)
        : ((Deployment) workload).getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Map<String, String> environment(Container container) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar var : container.getEnv()) {
      env.put(var.getName(), var.getValue());
    }
    return env;
  }

  private static JsonNode awaitStats(
      String what, Predicate<JsonNode> condition, Duration timeout, List<ClusterProcess> processes)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      String body = curl("master", "http://127.0.0.1:8089/stats/requests");
      if (body != null && !body.isBlank()) {
        last = JSON.readTree(body);
        if (condition.test(last)) {
          return last;
        }
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    StringBuilder logs = new StringBuilder();
    processes.forEach(p -> logs.append(p.tail()).append('\n'));
    throw new AssertionError(
        "timed out waiting for " + what + "; last /stats/requests: " + last + "\n" + logs);
  }

  private static void awaitHttp(String host, String url, String what, ClusterProcess process)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      if (curl(host, url) != null) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError(what + " did not answer " + url + "\n" + process.tail());
  }

  /** GETs {@code url} from inside {@code host}; the body, or null when nothing answered. */
  private static String curl(String host, String url) throws IOException, InterruptedException {
    Process curl =
        new ProcessBuilder(lab.inHost(host, List.of("curl", "-s", "-f", "-m", "3", url)))
            .redirectErrorStream(true)
            .start();
    byte[] body = curl.getInputStream().readAllBytes();
    if (!curl.waitFor(10, TimeUnit.SECONDS)) {
      curl.destroyForcibly();
      return null;
    }
    return curl.exitValue() == 0 ? new String(body, StandardCharsets.UTF_8) : null;
  }

  /** Workers of a {@code /stats/requests} body by id. */
  private static Map<String, JsonNode> workers(JsonNode stats) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    stats.path("workers").forEach(w -> byId.put(w.path("id").asText(), w));
    return byId;
  }

  private static Map<String, Long> readCounts(Path file) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank() && !line.startsWith("/ready-probe")) {
        String[] parts = line.split(" ");
        counts.put(parts[0], Long.parseLong(parts[1]));
      }
    }
    return counts;
  }

  /** Name → "Request Count" of a {@code _stats.csv}, the Aggregated row left out. */
  private static Map<String, Long> requestCounts(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    int name = header.indexOf("Name");
    int count = header.indexOf("Request Count");
    Map<String, Long> counts = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      if (!cells[name].equals("Aggregated")) {
        counts.merge(cells[name], Long.parseLong(cells[count]), Long::sum);
      }
    }
    return counts;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path jar() {
    return RepoFiles.resolve("cli/target/hatchery.jar");
  }

  private static void closeAll(List<ClusterProcess> processes) throws InterruptedException {
    for (ClusterProcess process : processes.reversed()) {
      process.close();
    }
  }
}
