package io.hatchery.it.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A small network of test hosts on this machine: one Linux network namespace per host, each with an
 * {@code eth0} joined by a veth pair to a bridge that lives in a further "switch" namespace. The
 * addresses ({@code 10.231.N.x/24}) exist only inside these namespaces, so traffic never leaves
 * them. Needs root, iproute2 and iptables; {@link #close()} deletes every namespace it made (which
 * removes the veths and their addresses with them).
 *
 * <p>Not thread-safe; one test owns a lab.
 */
final class NetnsLab implements AutoCloseable {
  private static final String PREFIX = "hatchery-it-";

  private final String id;
  private final int subnet;
  private final Map<String, String> addresses = new LinkedHashMap<>();
  private final List<String> namespaces = new ArrayList<>();

  private NetnsLab(String id, int subnet) {
    this.id = id;
    this.subnet = subnet;
  }

  /** Creates the switch and one namespace per host name, addressed .1, .2, … in host order. */
  static NetnsLab create(List<String> hosts) throws IOException {
    removeStaleLabs();
    int random = ThreadLocalRandom.current().nextInt(1 << 16);
    NetnsLab lab = new NetnsLab(Integer.toHexString(random), random & 0xff);
    try {
      String sw = lab.namespace("sw");
      lab.run("ip", "netns", "add", sw);
      lab.namespaces.add(sw);
      lab.run("ip", "-n", sw, "link", "add", "br0", "type", "bridge");
      lab.run("ip", "-n", sw, "link", "set", "br0", "up");
      int octet = 1;
      for (String host : hosts) {
        String ns = lab.namespace(host);
        String address = "10.231." + lab.subnet + "." + octet++;
        String port = "p" + (octet - 1);
        lab.run("ip", "netns", "add", ns);
        lab.namespaces.add(ns);
        lab.run(
            "ip", "link", "add", "eth0", "netns", ns, "type", "veth", "peer", "name", port, "netns",
            sw);
        lab.run("ip", "-n", sw, "link", "set", port, "master", "br0");
        lab.run("ip", "-n", sw, "link", "set", port, "up");
        lab.run("ip", "-n", ns, "addr", "add", address + "/24", "dev", "eth0");
        lab.run("ip", "-n", ns, "link", "set", "eth0", "up");
        lab.run("ip", "-n", ns, "link", "set", "lo", "up");
        lab.addresses.put(host, address);
      }
      return lab;
    } catch (IOException | RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  /** The address of {@code host} inside the lab. */
  String address(String host) {
    String address = addresses.get(host);
    if (address == null) {
      throw new IllegalArgumentException("no host " + host + " in " + addresses.keySet());
    }
    return address;
  }

  /** A command that runs {@code command} inside {@code host}'s namespace. */
  List<String> inHost(String host, List<String> command) {
    address(host);
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace(host)));
    full.addAll(command);
    return full;
  }

  /** Drops every packet in and out of {@code host}'s eth0 (its loopback keeps working). */
  void cutLink(String host) throws IOException {
    String ns = namespace(host);
    run("ip", "netns", "exec", ns, "iptables", "-A", "INPUT", "-i", "eth0", "-j", "DROP");
    run("ip", "netns", "exec", ns, "iptables", "-A", "OUTPUT", "-o", "eth0", "-j", "DROP");
  }

  /** Undoes {@link #cutLink}. */
  void restoreLink(String host) throws IOException {
    run("ip", "netns", "exec", namespace(host), "iptables", "-F");
  }

  @Override
  public void close() {
    for (String ns : namespaces.reversed()) {
      try {
        run("ip", "netns", "delete", ns);
      } catch (IOException | RuntimeException e) {
        System.err.println("netns lab: could not delete " + ns + ": " + e.getMessage());
      }
    }
    namespaces.clear();
  }

  private String namespace(String host) {
    return PREFIX + id + "-" + host;
  }

  /** Deletes namespaces an earlier, killed run of this test left behind (ours by prefix). */
  private static void removeStaleLabs() throws IOException {
    for (String line : output("ip", "netns", "list").split("\n")) {
      String ns = line.split(" ")[0];
      if (ns.startsWith(PREFIX)) {
        output("ip", "netns", "delete", ns);
      }
    }
  }

  private void run(String... command) throws IOException {
    output(command);
  }

  private static String output(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + String.join(" ", command));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command) + " exited " + process.exitValue() + ": " + out);
    }
    return out;
  }
}
