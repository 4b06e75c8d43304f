package io.hatchery.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Consistency checks every shipped set of Kubernetes objects must pass: what references what
 * (Services → pods → ports, volumes → ConfigMaps and claims, workers → the master's Service), pods
 * run as non-root with resource requests and limits, probes hit ports that exist, and every flag
 * and {@code LOCUST_*} variable is one the CLI accepts.
 */
final class ManifestChecks {
  private ManifestChecks() {}

  static void checkAll(List<HasMetadata> objects) {
    List<Workload> workloads = Workload.of(objects);
    assertThat(workloads).as("workloads").isNotEmpty();
    for (Workload workload : workloads) {
      checkPod(workload, objects);
    }
    for (Service service : KubeYaml.ofType(objects, Service.class)) {
      checkService(service, workloads);
    }
    checkWorkersFindTheMaster(workloads, KubeYaml.ofType(objects, Service.class));
  }

  private static void checkPod(Workload workload, List<HasMetadata> objects) {
    var security = workload.pod().getSecurityContext();
    assertThat(security).as(workload.name() + " securityContext").isNotNull();
    assertThat(security.getRunAsNonRoot()).as(workload.name() + " runAsNonRoot").isTrue();
    assertThat(security.getRunAsUser()).as(workload.name() + " runAsUser").isNotNull().isNotZero();
    Set<String> volumes =
        workload.pod().getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
    for (Volume volume : workload.pod().getVolumes()) {
      checkVolumeSource(workload, volume, objects);
    }
    for (Container container : workload.pod().getContainers()) {
      String where = workload.name() + "/" + container.getName();
      assertThat(container.getImage()).as(where + " image").isNotBlank();
      var resources = container.getResources();
      assertThat(resources.getRequests()).as(where + " requests").containsKeys("cpu", "memory");
      assertThat(resources.getLimits()).as(where + " limits").containsKeys("cpu", "memory");
      for (VolumeMount mount : container.getVolumeMounts()) {
        assertThat(volumes).as(where + " mounts " + mount.getName()).contains(mount.getName());
      }
      checkProbe(where + " readiness", container.getReadinessProbe(), container);
      checkProbe(where + " liveness", container.getLivenessProbe(), container);
      CliVocabulary.checkCommandLine(where, container.getArgs(), environment(container));
      checkScenarioIsMounted(where, workload, container, objects);
    }
  }

  private static void checkVolumeSource(Workload workload, Volume volume, List<HasMetadata> all) {
    if (volume.getConfigMap() != null) {
      assertThat(names(KubeYaml.ofType(all, ConfigMap.class)))
          .as(workload.name() + " volume " + volume.getName() + " ConfigMap")
          .contains(volume.getConfigMap().getName());
    }
    if (volume.getPersistentVolumeClaim() != null) {
      assertThat(names(KubeYaml.ofType(all, PersistentVolumeClaim.class)))
          .as(workload.name() + " volume " + volume.getName() + " claim")
          .contains(volume.getPersistentVolumeClaim().getClaimName());
    }
  }

  /** The {@code -f} file lies in a mounted ConfigMap that holds a key of that file name. */
  private static void checkScenarioIsMounted(
      String where, Workload workload, Container container, List<HasMetadata> all) {
    List<String> args = container.getArgs();
    int f = args.indexOf("-f");
    assertThat(f).as(where + " has -f").isNotNegative();
    String path = args.get(f + 1);
    VolumeMount mount =
        container.getVolumeMounts().stream()
            .filter(m -> path.startsWith(m.getMountPath() + "/"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(where + ": nothing mounted at " + path));
    String key = path.substring(mount.getMountPath().length() + 1);
    Volume volume =
        workload.pod().getVolumes().stream()
            .filter(v -> v.getName().equals(mount.getName()))
            .findFirst()
            .orElseThrow();
    assertThat(volume.getConfigMap()).as(where + " scenario volume is a ConfigMap").isNotNull();
    Optional<ConfigMap> configMap =
        KubeYaml.ofType(all, ConfigMap.class).stream()
            .filter(c -> c.getMetadata().getName().equals(volume.getConfigMap().getName()))
            .findFirst();
    configMap.ifPresent(c -> assertThat(c.getData()).as(where + " scenario key").containsKey(key));
  }

  private static void checkProbe(String where, Probe probe, Container container) {
    if (probe == null) {
      return;
    }
    IntOrString port =
        probe.getTcpSocket() != null
            ? probe.getTcpSocket().getPort()
            : probe.getHttpGet() != null ? probe.getHttpGet().getPort() : null;
    assertThat(port).as(where + " probes a port").isNotNull();
    assertThat(hasPort(container, port)).as(where + " port " + port + " exists").isTrue();
  }

  private static void checkService(Service service, List<Workload> workloads) {
    String where = "Service/" + service.getMetadata().getName();
    Map<String, String> selector = service.getSpec().getSelector();
    List<Workload> selected = workloads.stream().filter(w -> w.selectedBy(selector)).toList();
    assertThat(selected).as(where + " selects pods").isNotEmpty();
    for (ServicePort port : service.getSpec().getPorts()) {
      IntOrString target =
          port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
      for (Workload workload : selected) {
        assertThat(workload.pod().getContainers().stream().anyMatch(c -> hasPort(c, target)))
            .as(where + " port " + port.getName() + " → " + workload.name())
            .isTrue();
      }
    }
  }

  /** Workers name a Service and port that lead to the master's ZeroMQ port. */
  private static void checkWorkersFindTheMaster(List<Workload> workloads, List<Service> services) {
    for (Workload workload : workloads) {
      for (Container container : workload.pod().getContainers()) {
        Map<String, String> env = envValues(container);
        if (!container.getArgs().contains("--worker")) {
          continue;
        }
        String where = workload.name() + "/" + container.getName();
        String host = env.get("LOCUST_MASTER_NODE_HOST");
        int port = Integer.parseInt(env.getOrDefault("LOCUST_MASTER_NODE_PORT", "5557"));
        Service service =
            services.stream()
                .filter(s -> s.getMetadata().getName().equals(host))
                .findFirst()
                .orElseThrow(() -> new AssertionError(where + ": no Service named " + host));
        ServicePort servicePort =
            service.getSpec().getPorts().stream()
                .filter(p -> p.getPort() == port)
                .findFirst()
                .orElseThrow(
                    () -> new AssertionError(where + ": " + host + " has no port " + port));
        List<Workload> masters =
            workloads.stream().filter(w -> w.selectedBy(service.getSpec().getSelector())).toList();
        for (Workload master : masters) {
          Container c = master.pod().getContainers().get(0);
          assertThat(c.getArgs()).as(master.name() + " is a master").contains("--master");
          ContainerPort target = port(c, servicePort.getTargetPort()).orElseThrow();
          String bind = envValues(c).getOrDefault("LOCUST_MASTER_BIND_PORT", "5557");
          assertThat(target.getContainerPort())
              .as(where + " reaches the bind port")
              .isEqualTo(Integer.parseInt(bind));
        }
      }
    }
  }

  /** The container's variables, a placeholder for those set from a Secret or field. */
  private static Map<String, String> environment(Container container) {
    return container.getEnv().stream()
        .collect(
            Collectors.toMap(
                EnvVar::getName, e -> e.getValue() != null ? e.getValue() : "from-secret:value"));
  }

  private static Map<String, String> envValues(Container container) {
    return container.getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  private static boolean hasPort(Container container, IntOrString port) {
    return port(container, port).isPresent();
  }

  private static Optional<ContainerPort> port(Container container, IntOrString port) {
    return container.getPorts().stream()
        .filter(
            p ->
                port.getStrVal() != null
                    ? port.getStrVal().equals(p.getName())
                    : port.getIntVal().equals(p.getContainerPort()))
        .findFirst();
  }

  private static Set<String> names(List<? extends HasMetadata> objects) {
    return objects.stream().map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
  }
}
