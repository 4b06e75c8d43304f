package io.hatchery.protocol.golden;

import io.hatchery.protocol.Message;
import java.util.List;

/**
 * One golden vector: the exact frame bytes of {@code <folder>/<name>.msgpack} and the decoded value
 * its {@code .json} twin states, as the envelope list {@code [type, data, node_id]} in the Java
 * value mapping of the codec.
 *
 * @param folder the vector set, e.g. {@code "2.12.1"} or {@code "boomer"}
 * @param name the file name without extension, e.g. {@code "w2m-stats-running"}
 * @param frame the payload frame as the peer wrote it
 * @param twin the expected decoded envelope (a three-element list)
 */
public record GoldenVector(String folder, String name, byte[] frame, List<Object> twin) {

  /** The message the twin describes. */
  Message twinMessage() {
    return new Message((String) twin.get(0), twin.get(1), (String) twin.get(2));
  }

  /** The message type named by the file: {@code <direction>-<type>[-<variant>]}. */
  String typeInFileName() {
    String afterDirection = name.substring(name.indexOf('-') + 1);
    int variant = afterDirection.indexOf('-');
    return variant < 0 ? afterDirection : afterDirection.substring(0, variant);
  }

  /** {@code "m2w"} or {@code "w2m"}. */
  public String direction() {
    return name.substring(0, name.indexOf('-'));
  }

  /** Whether a Python Locust wrote it: its folder is named by a Locust version. */
  public boolean writtenByPythonLocust() {
    return folder.matches("\\d+\\.\\d+.*");
  }

  @Override
  public String toString() {
    return folder + "/" + name;
  }
}
