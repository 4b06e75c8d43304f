package io.hatchery.master.scenario;

import io.hatchery.master.dispatch.UserClassSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads the user classes of Python locustfiles without running Python, so a master started with
 * {@code -f locustfile.py} can dispatch to Python workers. It finds top-level {@code class X(...)}
 * statements whose bases are {@code User}, {@code HttpUser}, {@code FastHttpUser} (also spelled
 * {@code locust.HttpUser}, imported under another name, or a class of the same file that is a user
 * class), skips those that set {@code abstract = True}, and reads the class-level literals {@code
 * weight} (int or float) and {@code fixed_count} (int), inherited within the file. Whatever it
 * cannot read becomes a {@link LocustfileWarning} with file and line; it never throws on content.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * LocustfileReading reading = PythonLocustfileReader.read(List.of(Path.of("locustfile.py")));
 * reading.warnings().forEach(w -> log.warn("{}", w));
 * List<UserClassSpec> specs = reading.userClasses();
 * }</pre>
 */
public final class PythonLocustfileReader {
  private PythonLocustfileReader() {}

  /**
   * Reads {@code files} in order. A user class name defined in two files is kept from the first and
   * warned about (Locust 2.12.1 refuses to start with "Duplicate user class names").
   *
   * @throws IOException when a file cannot be read at all
   */
  public static LocustfileReading read(List<Path> files) throws IOException {
    Map<String, UserClassSpec> byName = new LinkedHashMap<>();
    Map<String, String> definedIn = new LinkedHashMap<>();
    List<LocustfileWarning> warnings = new ArrayList<>();
    for (Path file : files) {
      String fileName = file.toString();
      LocustfileReading reading =
          read(fileName, decode(fileName, Files.readAllBytes(file), warnings));
      warnings.addAll(reading.warnings());
      for (UserClassSpec spec : reading.userClasses()) {
        String previous = definedIn.putIfAbsent(spec.name(), fileName);
        if (previous == null) {
          byName.put(spec.name(), spec);
        } else {
          warnings.add(
              new LocustfileWarning(
                  fileName,
                  1,
                  "duplicate user class name "
                      + spec.name()
                      + ", first defined in "
                      + previous
                      + "; this one is ignored"));
        }
      }
    }
    return new LocustfileReading(List.copyOf(byName.values()), warnings);
  }

  /** Reads one module's {@code source}; {@code fileName} is used in warnings only. */
  public static LocustfileReading read(String fileName, String source) {
    List<LocustfileWarning> warnings = new ArrayList<>();
    BiConsumer<Integer, String> problems =
        (line, message) -> warnings.add(new LocustfileWarning(fileName, line, message));
    List<UserClassSpec> specs;
    try {
      List<PythonLine> lines = PythonTokenizer.tokenize(source, problems);
      specs = UserClassResolver.resolve(LocustfileScanner.scan(lines, problems), problems);
    } catch (RuntimeException e) {
      // A reader bug must not take the master down; say where and carry on with nothing.
      problems.accept(1, "could not read this file (" + e + "); no user classes taken from it");
      specs = List.of();
    }
    warnings.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new LocustfileReading(specs, warnings);
  }

  private static String decode(String fileName, byte[] bytes, List<LocustfileWarning> warnings) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      warnings.add(new LocustfileWarning(fileName, 1, "not valid UTF-8; invalid bytes replaced"));
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
