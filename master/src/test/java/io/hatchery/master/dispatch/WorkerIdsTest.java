package io.hatchery.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class WorkerIdsTest {

  @Test
  void hostIsTheIdUpToTheFirstUnderscore() {
    assertThat(WorkerIds.host("box_1_abc")).isEqualTo("box");
    assertThat(WorkerIds.host("plain")).isEqualTo("plain");
    assertThat(WorkerIds.host("_x")).isEmpty();
  }

  @Test
  void workersAreInterleavedAcrossHosts() {
    List<String> ordered =
        WorkerIds.sortForDispatch(List.of("b_2", "a_3", "a_1", "c_1", "b_1", "a_2"));
    assertThat(ordered).containsExactly("a_1", "b_1", "c_1", "a_2", "b_2", "a_3");
  }

  @Test
  void idsCompareByCodePointAsPythonStringsDo() {
    // U+FB01 sorts before U+1F600 by code point, after it by UTF-16 unit.
    List<String> ordered = WorkerIds.sortForDispatch(List.of("h\uD83D\uDE00", "h\uFB01"));
    assertThat(ordered).containsExactly("h\uFB01", "h\uD83D\uDE00");
  }

  @Test
  void aDuplicatedIdKeepsBothEntries() {
    assertThat(WorkerIds.sortForDispatch(List.of("a_1", "b_1", "a_1")))
        .containsExactly("a_1", "b_1", "a_1");
  }
}
