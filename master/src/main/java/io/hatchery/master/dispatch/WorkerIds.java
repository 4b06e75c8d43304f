package io.hatchery.master.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Worker ordering used by the dispatcher.
 *
 * <p>Mirrors {@code UsersDispatcher._sort_workers} in Locust 2.12.1: sort by node id, number each
 * worker by how many workers with the same host (the node id up to the first {@code _}) came before
 * it, then order by (that index, node id), so consecutive users land on different hosts.
 */
final class WorkerIds {
  /** Python's {@code str} ordering: by Unicode code point, not by UTF-16 unit. */
  static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
      };

  private WorkerIds() {}

  /** The host part of a node id: everything before the first {@code _} (all of it if none). */
  static String host(String workerId) {
    int underscore = workerId.indexOf('_');
    return underscore < 0 ? workerId : workerId.substring(0, underscore);
  }

  /**
   * Returns a new list in dispatch order. Duplicated ids are kept, each with its own index, as
   * Locust keeps two node objects when a worker registers twice.
   */
  static List<String> sortForDispatch(List<String> workerIds) {
    List<String> byId = new ArrayList<>(workerIds);
    byId.sort(CODE_POINT_ORDER);
    Map<String, Integer> workersPerHost = new HashMap<>();
    List<Map.Entry<Integer, String>> indexed = new ArrayList<>(byId.size());
    for (String id : byId) {
      int indexWithinHost = workersPerHost.merge(host(id), 1, Integer::sum) - 1;
      indexed.add(Map.entry(indexWithinHost, id));
    }
    indexed.sort(
        Map.Entry.<Integer, String>comparingByKey()
            .thenComparing(Map.Entry.comparingByValue(CODE_POINT_ORDER)));
    List<String> ordered = new ArrayList<>(indexed.size());
    indexed.forEach(entry -> ordered.add(entry.getValue()));
    return ordered;
  }
}
