package io.hatchery.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Renders the chart with Helm's own engine (helm-java) and checks the objects it produces. */
@Timeout(120)
class HelmChartTest {

  private static List<HasMetadata> render(Map<String, Object> values) {
    TemplateCommand template =
        new Helm(RepoFiles.resolve("deploy/helm/hatchery")).template().withName("load");
    values.forEach(template::set);
    return KubeYaml.parse(template.call());
  }

  private static Container master(List<HasMetadata> objects) {
    List<Deployment> deployments = KubeYaml.ofType(objects, Deployment.class);
    List<Job> jobs = KubeYaml.ofType(objects, Job.class);
    return jobs.isEmpty()
        ? deployments.stream()
            .filter(d -> d.getMetadata().getName().endsWith("-master"))
            .findFirst()
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
        : jobs.get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  @Test
  void chartPassesHelmLint() {
    var result = new Helm(RepoFiles.resolve("deploy/helm/hatchery")).lint().strict().call();
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void defaultValuesRenderAUiClusterWithFourWorkers() {
    List<HasMetadata> objects = render(Map.of());
    ManifestChecks.checkAll(objects);
    Deployment worker =
        KubeYaml.ofType(objects, Deployment.class).stream()
            .filter(d -> d.getMetadata().getName().equals("load-hatchery-worker"))
            .findFirst()
            .orElseThrow();
    assertThat(worker.getSpec().getReplicas()).isEqualTo(4);
    assertThat(KubeYaml.ofType(objects, Job.class)).isEmpty();
    assertThat(master(objects).getArgs()).doesNotContain("--headless");
    ConfigMap scenario = KubeYaml.ofType(objects, ConfigMap.class).get(0);
    ScenarioCompilation.assertCompiles(scenario.getData().get("locustfile.java"));
  }

  @Test
  void headlessValuesRenderAJobWithTheRunSettingsAndAReportsClaim() {
    List<HasMetadata> objects =
        render(
            Map.of(
                "headless", true,
                "workers.replicas", 7,
                "users", 700,
                "spawnRate", 35,
                "runTime", "15m"));
    ManifestChecks.checkAll(objects);
    Container master = master(objects);
    assertThat(master.getArgs()).contains("--headless", "--csv", "--html");
    Map<String, String> env = env(master);
    assertThat(env)
        .containsEntry("LOCUST_USERS", "700")
        .containsEntry("LOCUST_SPAWN_RATE", "35")
        .containsEntry("LOCUST_RUN_TIME", "15m")
        .containsEntry("LOCUST_EXPECT_WORKERS", "7")
        .containsEntry("LOCUST_STOP_TIMEOUT", "10");
  }

  @Test
  void authPutsThePasswordInASecretNeverInArguments() {
    List<HasMetadata> objects =
        render(Map.of("auth.enabled", true, "auth.password", "s3cret-Pa55"));
    ManifestChecks.checkAll(objects);
    Secret secret = KubeYaml.ofType(objects, Secret.class).get(0);
    assertThat(secret.getStringData()).containsEntry("password", "s3cret-Pa55");
    Container master = master(objects);
    assertThat(String.join(" ", master.getArgs())).doesNotContain("s3cret");
    assertThat(master.getEnv())
        .anySatisfy(e -> assertThat(e.getName()).isEqualTo("LOCUST_WEB_AUTH"))
        .allSatisfy(e -> assertThat(String.valueOf(e.getValue())).doesNotContain("s3cret"));
  }

  @Test
  void authWithoutAPasswordIsRefusedWithAMessage() {
    assertThatThrownBy(() -> render(Map.of("auth.enabled", true)))
        .hasMessageContaining("auth.enabled needs auth.password or auth.existingSecret");
  }

  @Test
  void existingScenarioConfigMapIsUsedInsteadOfTheInlineOne() {
    List<HasMetadata> objects = render(Map.of("scenario.existingConfigMap", "my-scenario"));
    assertThat(KubeYaml.ofType(objects, ConfigMap.class)).isEmpty();
    Deployment worker =
        KubeYaml.ofType(objects, Deployment.class).stream()
            .filter(d -> d.getMetadata().getName().endsWith("-worker"))
            .findFirst()
            .orElseThrow();
    assertThat(
            worker.getSpec().getTemplate().getSpec().getVolumes().get(0).getConfigMap().getName())
        .isEqualTo("my-scenario");
  }

  private static Map<String, String> env(Container container) {
    return container.getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(e -> e.getName(), e -> e.getValue()));
  }
}
