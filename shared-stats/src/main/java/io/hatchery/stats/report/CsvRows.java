package io.hatchery.stats.report;

import java.util.List;

/**
 * Writes rows as Python's {@code csv.writer} does with its default dialect: comma separated, a
 * field quoted only when it holds a comma, a double quote, CR or LF (quotes doubled inside), rows
 * ended by CRLF.
 */
final class CsvRows {
  static final String LINE_END = "\r\n";

  private CsvRows() {}

  static void append(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append(LINE_END);
  }

  static String field(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\r') < 0
        && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
