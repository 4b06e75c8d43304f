// Read-loop floor, epoll through FFM (JDK 22+; see README.md here). Argument 1: lt or et.
// struct epoll_event is packed on x86-64 (12 bytes, data at offset 4): this file assumes x86-64.
import static java.lang.foreign.ValueLayout.*;

import java.lang.foreign.*;
import java.lang.invoke.*;
import java.lang.management.*;

public class FfmRecv {
  static final Linker L = Linker.nativeLinker();
  static final SymbolLookup C = L.defaultLookup();

  static MethodHandle h(String n, FunctionDescriptor d, Linker.Option... o) {
    return L.downcallHandle(C.find(n).orElseThrow(), d, o);
  }

  public static void main(String[] a) throws Throwable {
    boolean et = a[0].equals("et");
    int port = Integer.parseInt(a[1]), n = Integer.parseInt(a[2]);
    MethodHandle socket =
        h("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    MethodHandle bind = h("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    MethodHandle listen = h("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    MethodHandle accept4 =
        h("accept4", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    MethodHandle epc = h("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    MethodHandle ctl =
        h("epoll_ctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    MethodHandle wait =
        h("epoll_wait", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    MethodHandle read =
        h(
            "read",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG),
            Linker.Option.critical(false));
    Arena ar = Arena.global();
    int l = (int) socket.invokeExact(2, 1, 0);
    MemorySegment sa = ar.allocate(16);
    sa.set(JAVA_SHORT, 0, (short) 2);
    sa.set(JAVA_BYTE, 2, (byte) (port >> 8));
    sa.set(JAVA_BYTE, 3, (byte) port);
    sa.set(JAVA_BYTE, 4, (byte) 127);
    sa.set(JAVA_BYTE, 7, (byte) 1);
    if ((int) bind.invokeExact(l, sa, 16) != 0 || (int) listen.invokeExact(l, 4096) != 0)
      throw new Error("bind");
    int ep = (int) epc.invokeExact(0);
    MemorySegment ev = ar.allocate(12 * 1024, 8);
    for (int i = 0; i < n; i++) {
      int fd = (int) accept4.invokeExact(l, MemorySegment.NULL, MemorySegment.NULL, 04000);
      ev.set(JAVA_INT_UNALIGNED, 0, 1 | (et ? 1 << 31 : 0));
      ev.set(JAVA_LONG_UNALIGNED, 4, (long) fd);
      if ((int) ctl.invokeExact(ep, 1, fd, ev) != 0) throw new Error("ctl");
    }
    System.err.println("accepted " + n);
    MemorySegment buf = ar.allocate(65536, 64);
    long total = 0;
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long t0 = System.nanoTime();
    long c0 = -1, b0 = 0;
    while (true) {
      int k = (int) wait.invokeExact(ep, ev, 1024, 100);
      for (int j = 0; j < k; j++) {
        int fd = (int) ev.get(JAVA_LONG_UNALIGNED, 12L * j + 4);
        long r = (long) read.invokeExact(fd, buf, 65536L);
        if (r > 0) total += r;
      }
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
