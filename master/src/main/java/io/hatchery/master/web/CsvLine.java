package io.hatchery.master.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One CSV row the way Python's {@code csv.writer} writes it by default: {@code QUOTE_MINIMAL}
 * (fields with a comma, quote, CR or LF are quoted, quotes doubled) and {@code \r\n} line ends.
 * Stateless.
 */
final class CsvLine {

  private CsvLine() {}

  /** Writes {@code fields} as one row; {@code null} is an empty field, numbers as Python prints. */
  static void write(Writer out, List<?> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(text(fields.get(i))));
    }
    out.write("\r\n");
  }

  private static String text(Object field) {
    if (field == null) {
      return "";
    }
    if (field instanceof Double value) {
      return Numbers.pythonFloat(value);
    }
    return field.toString();
  }

  private static String quote(String field) {
    boolean needs =
        field.indexOf(',') >= 0
            || field.indexOf('"') >= 0
            || field.indexOf('\r') >= 0
            || field.indexOf('\n') >= 0;
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
