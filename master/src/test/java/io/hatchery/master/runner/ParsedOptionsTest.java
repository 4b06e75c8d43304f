package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ParsedOptionsTest {

  @Test
  void secretsAreLeftOutAtEveryLevel() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("web_auth", "alice:s3cret");
    options.put("web_password", "x");
    options.put("api_token", "t");
    options.put("num_users", 5);
    options.put("nested", Map.of("db_password", "p", "size", 2));

    Map<String, Object> safe = ParsedOptions.sanitize(options);

    assertThat(safe).containsOnlyKeys("num_users", "nested");
    assertThat(safe.get("nested")).isEqualTo(Map.of("size", 2L));
  }

  @Test
  void valuesAreKeptDecodableByLocust4j() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("big", 5_000_000_000L);
    options.put("small", 7);
    options.put("rate", 1.5f);
    options.put("tags", List.of("a", "b"));
    options.put("ports", Arrays.asList(1, null, 2));
    options.put("run_time", Duration.ofSeconds(30));
    options.put("none", null);
    options.put("flag", true);

    Map<String, Object> safe = ParsedOptions.sanitize(options);

    assertThat(safe.get("big")).isEqualTo(5.0e9);
    assertThat(safe.get("small")).isEqualTo(7L);
    assertThat(safe.get("rate")).isEqualTo(1.5);
    assertThat(safe.get("tags")).isEqualTo(List.of("a", "b"));
    assertThat(safe.get("ports")).isEqualTo(List.of("1", "2"));
    assertThat(safe.get("run_time")).isEqualTo("PT30S");
    assertThat(safe).containsEntry("none", null).containsEntry("flag", true);
    assertThat(MessageCodec.encode(new Message("spawn", safe, "vm_a"))).isNotEmpty();
  }

  @Test
  void orderIsKept() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("z", 1);
    options.put("a", 2);
    options.put("m", 3);
    assertThat(ParsedOptions.sanitize(options).keySet()).containsExactly("z", "a", "m");
  }
}
