package io.hatchery.cli.options;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds the known name closest to a misspelled one by Levenshtein distance (Locust 2.41+ prints
 * "Did you mean ..." too). A candidate is suggested only when at most a third of its characters
 * (and at least 2) differ, so that {@code --foo} suggests nothing.
 */
public final class Suggestions {
  private Suggestions() {}

  /** Returns the closest of {@code candidates} to {@code typed}, if one is close enough. */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(typed, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null || bestDistance > Math.max(2, best.length() / 3)) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /** The Levenshtein edit distance (insertions, deletions, substitutions). */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
