package io.hatchery.it.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes YAML (one or several documents) into fabric8's typed models, so the deploy tests
 * check real objects instead of matching strings. A kind this project does not ship is an error.
 */
final class KubeYaml {
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "ConfigMap", ConfigMap.class,
          "Deployment", Deployment.class,
          "Job", Job.class,
          "PersistentVolumeClaim", PersistentVolumeClaim.class,
          "Secret", Secret.class,
          "Service", Service.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

  private KubeYaml() {}

  /** Parses every non-empty document of {@code yaml}. */
  static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    try (var documents = YAML.readValues(YAML.createParser(yaml), JsonNode.class)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document == null || document.isNull() || document.isEmpty()) {
          continue;
        }
        String kind = document.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
          throw new IllegalArgumentException("unexpected kind '" + kind + "' in " + document);
        }
        objects.add(JSON.treeToValue(document, type));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  /** The objects of {@code type} among {@code objects}. */
  static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
