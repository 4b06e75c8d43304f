package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpawnedUsersLogTest {
  @Test
  void classesAreSortedByNameAndTotalled() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("Web", 7L);
    counts.put("Api", 3L);

    assertThat(SpawnedUsersLog.format(counts))
        .isEqualTo("{\"Api\": 3, \"Web\": 7} (10 total users)");
  }

  @Test
  void noClassesIsAnEmptyObject() {
    assertThat(SpawnedUsersLog.format(Map.of())).isEqualTo("{} (0 total users)");
  }

  @Test
  void namesAreEscapedAsPythonsJsonDumpsDoes() {
    assertThat(SpawnedUsersLog.format(Map.of("Caf\u00e9\"User", 1L)))
        .isEqualTo("{\"Caf\\u00e9\\\"User\": 1} (1 total users)");
  }
}
