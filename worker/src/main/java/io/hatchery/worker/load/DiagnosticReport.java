package io.hatchery.worker.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Formats compiler diagnostics the way the {@code javac} command prints them: {@code
 * File.java:LINE: error: first message line}, the source line, a caret under the column, the rest
 * of the message, and at the end {@code N error(s)} / {@code N warning(s)}. Stateless.
 */
final class DiagnosticReport {
  private DiagnosticReport() {}

  /** Each diagnostic formatted on its own (lines joined with {@code \n}), in the given order. */
  static List<String> format(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<String> formatted = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      formatted.add(formatOne(diagnostic));
    }
    return formatted;
  }

  /** The formatted diagnostics followed by the summary lines, ending with a newline. */
  static String report(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (String line : format(diagnostics)) {
      out.append(line).append('\n');
    }
    appendCount(out, count(diagnostics, Diagnostic.Kind.ERROR), "error");
    appendCount(
        out,
        count(diagnostics, Diagnostic.Kind.WARNING)
            + count(diagnostics, Diagnostic.Kind.MANDATORY_WARNING),
        "warning");
    return out.toString();
  }

  private static String formatOne(Diagnostic<? extends JavaFileObject> diagnostic) {
    String message = diagnostic.getMessage(Locale.ENGLISH);
    if (diagnostic.getKind() == Diagnostic.Kind.NOTE) {
      return "Note: " + message;
    }
    String kind = label(diagnostic.getKind());
    JavaFileObject source = diagnostic.getSource();
    if (source == null || diagnostic.getLineNumber() == Diagnostic.NOPOS) {
      return kind + message;
    }
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    String rest = newline < 0 ? "" : message.substring(newline);
    StringBuilder out = new StringBuilder();
    out.append(source.getName()).append(':').append(diagnostic.getLineNumber()).append(": ");
    out.append(kind).append(first);
    if (source instanceof JavaSourceFile file) {
      String line = file.line(diagnostic.getLineNumber());
      out.append('\n').append(line).append('\n').append(caret(line, diagnostic.getColumnNumber()));
    }
    return out.append(rest).toString();
  }

  private static String label(Diagnostic.Kind kind) {
    return switch (kind) {
      case ERROR -> "error: ";
      case WARNING, MANDATORY_WARNING -> "warning: ";
      default -> "";
    };
  }

  /** Spaces (tabs where the line has tabs, as javac does) up to the 1-based column, then ^. */
  private static String caret(String line, long column) {
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < column - 1 && i < line.length(); i++) {
      caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    return caret.append('^').toString();
  }

  private static long count(
      List<Diagnostic<? extends JavaFileObject>> diagnostics, Diagnostic.Kind kind) {
    return diagnostics.stream().filter(d -> d.getKind() == kind).count();
  }

  private static void appendCount(StringBuilder out, long count, String noun) {
    if (count > 0) {
      out.append(count).append(' ').append(noun).append(count == 1 ? "" : "s").append('\n');
    }
  }
}
