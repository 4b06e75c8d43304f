// Read-loop floor, JDK NIO receiver (see README.md here): accepts N connections, reads each
// readable one once per event, prints CPU microseconds per 4,860-byte report group.
import java.lang.management.*;
import java.net.*;
import java.nio.*;
import java.nio.channels.*;

public class NioRecv {
  static long total;

  public static void main(String[] a) throws Exception {
    int port = Integer.parseInt(a[0]), n = Integer.parseInt(a[1]);
    ServerSocketChannel l = ServerSocketChannel.open();
    l.bind(new InetSocketAddress("127.0.0.1", port), 4096);
    Selector sel = Selector.open();
    for (int i = 0; i < n; i++) {
      SocketChannel c = l.accept();
      c.configureBlocking(false);
      c.register(sel, SelectionKey.OP_READ);
    }
    System.err.println("accepted " + n);
    ByteBuffer buf = ByteBuffer.allocateDirect(65536);
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long t0 = System.nanoTime();
    long c0 = -1, b0 = 0;
    while (true) {
      int k =
          sel.select(
              key -> {
                try {
                  buf.clear();
                  int r = ((SocketChannel) key.channel()).read(buf);
                  if (r > 0) total += r;
                } catch (Exception e) {
                  key.cancel();
                }
              },
              100);
      long t = System.nanoTime() - t0;
      if (c0 < 0 && t > 10e9) {
        c0 = os.getProcessCpuTime();
        b0 = total;
      }
      if (t > 30e9) {
        double reps = (total - b0) / 4860.0;
        System.out.printf(
            "reports/s %.0f total %.1f us/rep (%.1f%% core)%n",
            reps / 20,
            (os.getProcessCpuTime() - c0) / 1e3 / reps,
            (os.getProcessCpuTime() - c0) / 2e8);
        System.exit(0);
      }
      if (k > 0 && k < 256) java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
  }
}
