package io.hatchery.cli;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.ProtocolException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hatchery decode}: prints Locust protocol frames (one msgpack {@code [type, data, node_id]}
 * array per file or hex string) in a readable, type-preserving form. For looking at captured
 * traffic, e.g. frames cut from a tshark capture of port 5557.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = "Print Locust master/worker protocol frames (msgpack) in readable form.")
final class DecodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--hex",
      description = "Treat each argument as a hex string instead of a file name.")
  boolean hex;

  @Parameters(arity = "1..*", paramLabel = "FRAME", description = "Files holding one frame each.")
  List<String> frames;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exitCode = 0;
    for (String frame : frames) {
      try {
        Message message = MessageCodec.decode(read(frame));
        out.println(frame + ": " + FrameText.render(message));
      } catch (IOException | IllegalArgumentException e) {
        err.println(frame + ": cannot read: " + e.getMessage());
        exitCode = 1;
      } catch (ProtocolException e) {
        err.println(frame + ": not a valid Locust message: " + e.getMessage());
        exitCode = 1;
      }
    }
    out.flush();
    err.flush();
    return exitCode;
  }

  private byte[] read(String frame) throws IOException {
    if (hex) {
      return HexFormat.of().parseHex(frame.replaceAll("\\s", ""));
    }
    return Files.readAllBytes(Path.of(frame));
  }
}
