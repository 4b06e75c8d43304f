package io.hatchery.it.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Deployment's or Job's pod template, named for messages. */
record Workload(String name, Map<String, String> podLabels, PodSpec pod) {

  static List<Workload> of(List<HasMetadata> objects) {
    List<Workload> workloads = new ArrayList<>();
    for (Deployment d : KubeYaml.ofType(objects, Deployment.class)) {
      workloads.add(from("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate()));
    }
    for (Job j : KubeYaml.ofType(objects, Job.class)) {
      workloads.add(from("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate()));
    }
    return workloads;
  }

  private static Workload from(String name, PodTemplateSpec template) {
    return new Workload(name, template.getMetadata().getLabels(), template.getSpec());
  }

  /** True when every entry of {@code selector} is among this pod's labels. */
  boolean selectedBy(Map<String, String> selector) {
    return selector != null
        && !selector.isEmpty()
        && podLabels.entrySet().containsAll(selector.entrySet());
  }
}
