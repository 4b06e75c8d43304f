package io.hatchery.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class KubernetesManifestsTest {

  private static List<HasMetadata> load(String... files) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String file : files) {
      objects.addAll(KubeYaml.parse(RepoFiles.read("deploy/k8s/" + file)));
    }
    return objects;
  }

  @Test
  void everyManifestParsesIntoTypedObjects() throws IOException {
    try (Stream<Path> files = Files.walk(RepoFiles.resolve("deploy/k8s"))) {
      List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml")).toList();
      assertThat(yamls).hasSizeGreaterThanOrEqualTo(6);
      for (Path yaml : yamls) {
        assertThat(KubeYaml.parse(Files.readString(yaml))).as(yaml.toString()).isNotEmpty();
      }
    }
  }

  @Test
  void uiClusterIsConsistent() {
    List<HasMetadata> objects =
        load(
            "scenario-configmap.yaml",
            "master-deployment.yaml",
            "master-service.yaml",
            "worker-deployment.yaml");
    ManifestChecks.checkAll(objects);
    assertThat(KubeYaml.ofType(objects, Deployment.class))
        .extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrder("hatchery-master", "hatchery-worker");
  }

  @Test
  void headlessJobIsConsistentAndKeepsItsReports() {
    List<HasMetadata> objects =
        load(
            "scenario-configmap.yaml",
            "master-service.yaml",
            "worker-deployment.yaml",
            "headless/master-job.yaml",
            "headless/reports-pvc.yaml");
    ManifestChecks.checkAll(objects);
    Job job = KubeYaml.ofType(objects, Job.class).get(0);
    var args = job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
    assertThat(args).contains("--headless", "--csv", "--html");
    assertThat(args.get(args.indexOf("--csv") + 1)).startsWith("/reports/");
    assertThat(args.get(args.indexOf("--html") + 1)).startsWith("/reports/");
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .as("a graceful stop, so the reports count every request the target served")
        .anySatisfy(e -> assertThat(e.getName()).isEqualTo("LOCUST_STOP_TIMEOUT"));
  }

  @Test
  void scenarioConfigMapCompiles() {
    ConfigMap scenario = KubeYaml.ofType(load("scenario-configmap.yaml"), ConfigMap.class).get(0);
    ScenarioCompilation.assertCompiles(scenario.getData().get("locustfile.java"));
  }
}
