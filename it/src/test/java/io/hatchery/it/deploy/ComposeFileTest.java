package io.hatchery.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.Yaml;

/** Parses docker-compose.yml (anchors and merge keys resolved by SnakeYAML) and checks it. */
@Timeout(30)
class ComposeFileTest {
  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parse() {
    Map<String, Object> compose = new Yaml().load(RepoFiles.read("docker-compose.yml"));
    services = (Map<String, Map<String, Object>>) compose.get("services");
  }

  @SuppressWarnings("unchecked")
  private static List<String> command(String service) {
    return (List<String>) services.get(service).get("command");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(String service) {
    return (Map<String, String>) services.get(service).get("environment");
  }

  @Test
  void masterWorkersAndTargetAreDefined() {
    assertThat(services).containsOnlyKeys("master", "worker", "target");
    assertThat(command("master")).contains("--master");
    assertThat(command("worker")).contains("--worker");
  }

  @Test
  void masterPublishesTheUiAndBothZeroMqPorts() {
    assertThat(services.get("master").get("ports"))
        .asList()
        .containsExactlyInAnyOrder("8089:8089", "5557:5557", "5558:5558");
  }

  @Test
  void workersCanScaleAndFindTheMaster() {
    Map<String, Object> worker = services.get("worker");
    assertThat(worker).doesNotContainKeys("ports", "container_name");
    assertThat(environment("worker")).containsEntry("LOCUST_MASTER_NODE_HOST", "master");
    assertThat(environment("worker").get("LOCUST_MASTER_NODE_PORT"))
        .isEqualTo(environment("master").get("LOCUST_MASTER_BIND_PORT"));
  }

  @Test
  void bothRolesUseTheProjectImageBuiltFromTheDockerfile() {
    for (String role : List.of("master", "worker")) {
      assertThat(services.get(role)).containsEntry("image", "hatchery:latest");
      assertThat(services.get(role).get("build"))
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("dockerfile", "deploy/docker/Dockerfile");
    }
    assertThat(Files.isRegularFile(RepoFiles.resolve("deploy/docker/Dockerfile"))).isTrue();
  }

  @Test
  void flagsAndVariablesAreOnesTheCliAccepts() {
    for (String role : List.of("master", "worker")) {
      Map<String, String> env = new java.util.HashMap<>(environment(role));
      env.replaceAll((name, value) -> value.replace("${LOCUST_HOST:-", "").replace("}", ""));
      CliVocabulary.checkCommandLine("compose " + role, command(role), env);
    }
  }

  @Test
  void scenarioPathsAreExamplesShippedInTheImage() {
    String dockerfile = RepoFiles.read("deploy/docker/Dockerfile");
    assertThat(dockerfile).contains("COPY examples /opt/hatchery/examples");
    for (String role : List.of("master", "worker")) {
      List<String> command = command(role);
      String path = command.get(command.indexOf("-f") + 1);
      assertThat(path).startsWith("/opt/hatchery/examples/");
      String file = path.substring("/opt/hatchery/".length());
      assertThat(Files.isRegularFile(RepoFiles.resolve(file))).as(file).isTrue();
    }
  }

  @Test
  void demoTargetConfigIsMountedFromTheRepository() {
    assertThat(services.get("target").get("volumes"))
        .asList()
        .anySatisfy(v -> assertThat((String) v).startsWith("./deploy/docker/demo-target.conf:"));
    assertThat(Files.isRegularFile(RepoFiles.resolve("deploy/docker/demo-target.conf"))).isTrue();
  }
}
