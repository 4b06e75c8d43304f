package io.hatchery.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link RequestReporter} that keeps every report for the test to inspect. */
final class RecordingReporter implements RequestReporter {

  record Report(
      String requestType,
      String name,
      double responseTimeMillis,
      long responseLengthBytes,
      Throwable exception,
      Response response) {

    /** Locust's error text of the exception, or null for a success. */
    String errorText() {
      return exception == null ? null : ((RequestException) exception).errorText();
    }
  }

  private final List<Report> reports = new CopyOnWriteArrayList<>();

  @Override
  public void report(
      String requestType,
      String name,
      double responseTimeMillis,
      long responseLengthBytes,
      Throwable exceptionOrNull,
      Response response) {
    reports.add(
        new Report(
            requestType, name, responseTimeMillis, responseLengthBytes, exceptionOrNull, response));
  }

  List<Report> reports() {
    return reports;
  }

  Report only() {
    if (reports.size() != 1) {
      throw new AssertionError("expected one report, got " + reports);
    }
    return reports.get(0);
  }

  Report last() {
    return reports.get(reports.size() - 1);
  }
}
