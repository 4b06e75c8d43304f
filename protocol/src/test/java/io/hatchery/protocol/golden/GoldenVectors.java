package io.hatchery.protocol.golden;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the golden vectors under {@code src/test/resources/golden/<folder>/} from the test
 * classpath: the one loader for every test that reads them (the golden tests here, the payload and
 * fuzz tests in {@code io.hatchery.protocol}).
 *
 * <p>Loading fails loudly (an {@link IllegalStateException}) when the resource root is missing, a
 * folder holds no {@code .msgpack} file, or a vector lacks its {@code .json} twin (or the other way
 * round), so a missing resource can never make the golden tests pass vacuously.
 */
public final class GoldenVectors {
  static final String ROOT = "/golden";

  /** The recorded set: frames written by Debian's Locust 2.12.1 with Python msgpack 1.0.3. */
  static final String RECORDED_2_12_1 = "2.12.1";

  /**
   * Folders whose frames another msgpack encoder wrote (legacy raw strings of msgpack-python before
   * 1.0, Boomer's signed integers), so re-encoding them cannot be byte-identical.
   */
  static final Set<String> FOREIGN_ENCODINGS = Set.of("g0", "g1", "boomer");

  private static final String FRAME = ".msgpack";
  private static final String TWIN = ".json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldenVectors() {}

  /** The vector folders present, sorted. */
  static List<String> folders() {
    try (Stream<Path> paths = Files.list(root())) {
      return paths
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every vector of every folder, folder by folder; fails if there are none. */
  public static Stream<GoldenVector> all() {
    List<String> folders = folders();
    if (folders.isEmpty()) {
      throw new IllegalStateException("no golden vector folders under " + root());
    }
    return folders.stream().flatMap(folder -> load(folder).stream());
  }

  /** The vectors of one folder, sorted by name; never empty. */
  static List<GoldenVector> load(String folder) {
    Path dir = root().resolve(folder);
    List<String> frames = namesEndingWith(dir, FRAME);
    List<String> twins = namesEndingWith(dir, TWIN);
    if (frames.isEmpty()) {
      throw new IllegalStateException("golden folder " + dir + " holds no " + FRAME + " files");
    }
    if (!frames.equals(twins)) {
      throw new IllegalStateException(
          "golden folder " + dir + ": vectors " + frames + " but twins " + twins);
    }
    return frames.stream().map(name -> read(dir, folder, name)).toList();
  }

  private static GoldenVector read(Path dir, String folder, String name) {
    try {
      byte[] frame = Files.readAllBytes(dir.resolve(name + FRAME));
      Object twin = TypedJson.toValue(JSON.readTree(dir.resolve(name + TWIN).toFile()));
      if (!(twin instanceof List<?> envelope) || envelope.size() != 3) {
        throw new IllegalStateException(name + TWIN + " is not a [type, data, node_id] array");
      }
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) envelope;
      return new GoldenVector(folder, name, frame, list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> namesEndingWith(Path dir, String suffix) {
    try (Stream<Path> paths = Files.list(dir)) {
      return paths
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix))
          .map(n -> n.substring(0, n.length() - suffix.length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    URL url = GoldenVectors.class.getResource(ROOT);
    if (url == null) {
      throw new IllegalStateException(
          "golden vectors " + ROOT + " missing from the test classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
