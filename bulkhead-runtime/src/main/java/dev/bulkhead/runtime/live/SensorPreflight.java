package dev.bulkhead.runtime.live;

import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks that the live sensor can run before starting it, and mounts tracefs when it is missing.
 *
 * <p>Refuses with a message saying what to do: not root, no {@code bpftrace}, no BTF (the program
 * reads {@code task_struct} fields), tracefs not mountable.
 */
public final class SensorPreflight {
  private static final List<Path> TRACEFS =
      List.of(Path.of("/sys/kernel/tracing"), Path.of("/sys/kernel/debug/tracing"));

  private SensorPreflight() {}

  /**
   * Finds bpftrace and prepares the kernel interfaces.
   *
   * @param bpftrace explicit path, or {@code null} to search {@code PATH}
   * @return the bpftrace executable
   * @throws BulkheadException when the sensor cannot run here
   */
  public static Path check(Path bpftrace) throws BulkheadException {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      throw new BulkheadException("the live sensor needs Linux with eBPF; this is not Linux");
    }
    if (uid() != 0) {
      throw new BulkheadException(
          "the live sensor loads eBPF programs and needs root (uid 0); run `sudo ./bulkhead runtime"
              + " watch ...`");
    }
    Path exe = bpftrace != null ? bpftrace : findOnPath("bpftrace");
    if (exe == null || !Files.isExecutable(exe)) {
      throw new BulkheadException(
          "bpftrace not found"
              + (bpftrace != null ? " at " + bpftrace : " on PATH")
              + "; install it (apt-get install -y bpftrace) or pass --bpftrace PATH");
    }
    if (!Files.exists(Path.of("/sys/kernel/btf/vmlinux"))) {
      throw new BulkheadException(
          "the kernel has no BTF (/sys/kernel/btf/vmlinux is missing); the live sensor needs a"
              + " kernel built with CONFIG_DEBUG_INFO_BTF=y");
    }
    ensureTracefs();
    return exe;
  }

  /** The effective uid of this process, from {@code /proc/self/status}. */
  static int uid() throws BulkheadException {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("Uid:")) {
          String[] f = line.substring(4).trim().split("\\s+");
          return Integer.parseInt(f[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new BulkheadException("cannot read /proc/self/status to check for root: " + e, e);
    }
    throw new BulkheadException("/proc/self/status has no Uid line; is /proc mounted?");
  }

  private static void ensureTracefs() throws BulkheadException {
    for (Path t : TRACEFS) {
      if (Files.isDirectory(t.resolve("events/syscalls"))) {
        return;
      }
    }
    Path target = TRACEFS.get(0);
    String error;
    try {
      Process p =
          new ProcessBuilder("mount", "-t", "tracefs", "nodev", target.toString())
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readNBytes(4096);
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        error = "mount timed out";
      } else {
        error = p.exitValue() == 0 ? null : new String(out, StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      error = e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    if (error == null && Files.isDirectory(target.resolve("events/syscalls"))) {
      return;
    }
    throw new BulkheadException(
        "tracefs is not mounted and mounting it at "
            + target
            + " failed ("
            + (error == null ? "no syscall tracepoints after mounting" : error)
            + "); run `mount -t tracefs nodev /sys/kernel/tracing` or enable"
            + " CONFIG_FTRACE_SYSCALLS");
  }

  private static Path findOnPath(String name) {
    String path = System.getenv("PATH");
    List<String> dirs = path == null ? List.of("/usr/bin", "/usr/sbin") : List.of(path.split(":"));
    for (String d : dirs) {
      if (d.isEmpty()) {
        continue;
      }
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
