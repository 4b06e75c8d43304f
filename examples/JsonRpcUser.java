import io.hatchery.RequestEvent;
import io.hatchery.Task;
import io.hatchery.User;
import io.hatchery.UserClass;
import io.hatchery.WaitTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A non-HTTP user: a plain TCP JSON-RPC client (one JSON object per line) that times each call and
 * reports it through the request event, so it shows up in the statistics like any HTTP request
 * (Locust's "testing other systems" recipe). The example starts its own tiny JSON-RPC server on an
 * ephemeral loopback port, so it runs anywhere: {@code ./hatchery -f examples/JsonRpcUser.java}.
 */
@UserClass(weight = 1)
public class JsonRpcUser extends User {

  private Socket socket;
  private BufferedReader in;
  private PrintWriter out;
  private long nextId;

  @Override
  public WaitTime waitTime() {
    return WaitTime.between(0.5, 1.5);
  }

  @Override
  public void onStart() throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), RpcServer.port());
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  @Task(weight = 3)
  void add() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    call("add", "[" + random.nextInt(100) + "," + random.nextInt(100) + "]");
  }

  @Task
  void echo() {
    call("echo", "[\"hello\"]");
  }

  @Task
  void missing() {
    call("no_such_method", "[]"); // reported as a failure: the server answers with an error
  }

  /** Sends one call and fires the request event with its time, size and outcome. */
  private void call(String method, String params) {
    long id = ++nextId;
    long start = System.nanoTime();
    String reply = null;
    Throwable error = null;
    try {
      out.println("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params
          + ",\"id\":" + id + "}");
      reply = in.readLine();
      if (reply == null) {
        error = new IOException("connection closed");
      } else if (reply.contains("\"error\"")) {
        error = new RpcError(reply);
      }
    } catch (IOException e) {
      error = e;
    }
    double millis = (System.nanoTime() - start) / 1e6;
    long length = reply == null ? 0 : reply.getBytes(StandardCharsets.UTF_8).length;
    environment().events().request()
        .fire(RequestEvent.of("jsonrpc", method, millis, length, error, context()));
  }

  @Override
  public void onStop() throws IOException {
    if (socket != null) {
      socket.close();
    }
  }

  /** A JSON-RPC error answer; shown in the failures table as {@code RpcError('...')}. */
  static final class RpcError extends Exception {
    RpcError(String reply) {
      super(reply);
    }
  }

  /** The demo server: started once, on first use, on an ephemeral loopback port. */
  static final class RpcServer {
    private static final Pattern CALL =
        Pattern.compile("\"method\":\"([^\"]*)\",\"params\":(\\[.*?\\]),\"id\":(\\d+)");
    private static final ServerSocket SERVER = start();

    static int port() {
      return SERVER.getLocalPort();
    }

    private static ServerSocket start() {
      try {
        ServerSocket server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("jsonrpc-server").start(() -> accept(server));
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void accept(ServerSocket server) {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          Thread.ofVirtual().start(() -> serve(client));
        } catch (IOException e) {
          return;
        }
      }
    }

    private static void serve(Socket client) {
      try (client;
          BufferedReader in = new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
          PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
        for (String line; (line = in.readLine()) != null; ) {
          out.println(answer(line));
        }
      } catch (IOException e) {
        // the client went away
      }
    }

    private static String answer(String line) {
      Matcher call = CALL.matcher(line);
      if (!call.find()) {
        return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}";
      }
      String params = call.group(2);
      String id = call.group(3);
      String result = switch (call.group(1)) {
        case "add" -> {
          String[] numbers = params.substring(1, params.length() - 1).split(",");
          yield Long.toString(Long.parseLong(numbers[0].trim()) + Long.parseLong(numbers[1].trim()));
        }
        case "echo" -> params.substring(1, params.length() - 1);
        default -> null;
      };
      if (result == null) {
        return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":"
            + id + "}";
      }
      return "{\"jsonrpc\":\"2.0\",\"result\":" + result + ",\"id\":" + id + "}";
    }
  }
}
