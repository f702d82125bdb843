package dev.bulkhead.runtime.live;

import dev.bulkhead.runtime.event.RuntimeEvent.ProcessInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@code /proc} says about a host process, bounded, for processes that started before
 * the sensor.
 */
public final class ProcFs {
  private static final int MAX_READ = 4096;

  private final Path proc;

  /** Reads from {@code procRoot} (normally {@code /proc}). */
  public ProcFs(Path procRoot) {
    this.proc = procRoot;
  }

  /** The process {@code pid}, or {@link ProcessInfo#UNKNOWN} when it is gone or unreadable. */
  public ProcessInfo read(int pid) {
    Path dir = proc.resolve(Integer.toString(pid));
    try {
      String comm = head(dir.resolve("comm")).strip();
      List<String> argv = new ArrayList<>();
      for (String a : head(dir.resolve("cmdline")).split("\0")) {
        if (argv.size() >= 6) {
          break;
        }
        if (!a.isEmpty() || argv.isEmpty()) {
          argv.add(a.length() > 256 ? a.substring(0, 256) : a);
        }
      }
      String exe = null;
      try {
        exe = Files.readSymbolicLink(dir.resolve("exe")).toString();
      } catch (IOException | UnsupportedOperationException e) {
        // kernel threads and zombies have none
      }
      // An absolute argv[0] is the path the process was executed by, which is what exec records
      // carry too (symlinks of multi-call binaries unresolved); /proc/PID/exe is resolved.
      if (!argv.isEmpty() && argv.get(0).startsWith("/")) {
        exe = argv.get(0);
      }
      int ppid = parentPid(head(dir.resolve("stat")));
      return new ProcessInfo(comm.isEmpty() ? null : comm, exe, argv, ppid, null);
    } catch (IOException e) {
      return ProcessInfo.UNKNOWN;
    }
  }

  /** The pid namespace inode of {@code pid}. */
  public long pidNamespace(int pid) throws IOException {
    String link = Files.readSymbolicLink(proc.resolve(pid + "/ns/pid")).toString();
    if (!link.startsWith("pid:[") || !link.endsWith("]")) {
      throw new IOException("unexpected pid namespace link " + link + " of process " + pid);
    }
    return Long.parseLong(link.substring(5, link.length() - 1));
  }

  private static int parentPid(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return -1;
    }
    String[] f = stat.substring(close + 1).trim().split(" ");
    try {
      return f.length > 1 ? Integer.parseInt(f[1]) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String head(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      return new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8);
    }
  }
}
