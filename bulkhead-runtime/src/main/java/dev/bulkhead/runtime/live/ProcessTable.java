package dev.bulkhead.runtime.live;

import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import dev.bulkhead.runtime.event.RuntimeEvent.ProcessInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Turns {@link SensorRecord}s into {@link RuntimeEvent}s by keeping what is known about each
 * watched process: command name, program, arguments and parent, learned from exec and fork records
 * or, for processes that started before the sensor, from {@code /proc}.
 *
 * <p>The program of a process is the path it executed; when a program re-executes itself through
 * {@code /proc/self/exe} or {@code /dev/fd/N} (busybox applets, runc) the program is its {@code
 * argv[0]} instead, which is what the process calls itself. The table is bounded: beyond {@link
 * #MAX_PROCESSES} entries the least recently used is forgotten. Not thread-safe: one reader thread
 * owns it.
 */
public final class ProcessTable {
  /** Upper bound on remembered processes. */
  public static final int MAX_PROCESSES = 32_768;

  private static final int MAX_ARGS = 6;
  private static final int MAX_ARG_CHARS = 256;

  private final Map<Long, ContainerTarget> containers;
  private final IntFunction<ProcessInfo> procReader;
  private final Map<Integer, ProcessInfo> processes = lru(MAX_PROCESSES);
  private final Map<Integer, String[]> pendingArgs = lru(4096);

  /**
   * A table for the given containers.
   *
   * @param containers watched containers by pid namespace inode
   * @param procReader reads a process unknown to the table from {@code /proc} (or returns {@link
   *     ProcessInfo#UNKNOWN})
   */
  public ProcessTable(Map<Long, ContainerTarget> containers, IntFunction<ProcessInfo> procReader) {
    this.containers = Map.copyOf(containers);
    this.procReader = procReader;
  }

  private static <K, V> Map<K, V> lru(int max) {
    return new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
      }
    };
  }

  /** How many processes the table remembers now. */
  public int size() {
    return processes.size();
  }

  /**
   * Converts one record.
   *
   * @param r the record
   * @param timeNanos wall-clock time to stamp on the event
   * @return the event, or {@code null} for bookkeeping records (fork, exec arguments) and records
   *     from namespaces not watched
   */
  public RuntimeEvent accept(SensorRecord r, long timeNanos) {
    ContainerTarget c = containers.get(r.pidNamespace());
    if (c == null) {
      return null;
    }
    switch (r.type()) {
      case 'V':
        recordArg(r);
        return null;
      case 'F':
        fork(r);
        return null;
      case 'E':
        ProcessInfo p = exec(r);
        return event(r, timeNanos, c, p, EventKind.EXEC, r.text(), -1, null, -1, -1);
      case 'X':
        ProcessInfo gone = processes.remove(r.pid());
        pendingArgs.remove(r.tid());
        return event(r, timeNanos, c, gone == null ? lookup(r.pid()) : gone, EventKind.EXIT);
      case 'S':
        return new RuntimeEvent(
            timeNanos,
            r.pid(),
            r.tid(),
            c.id(),
            c.name(),
            lookup(r.pid()),
            EventKind.SYSCALL,
            null,
            (int) r.number(),
            null,
            -1,
            null,
            -1,
            RuntimeEvent.UNKNOWN_RETURN);
      case 'O':
        return event(
            r,
            timeNanos,
            c,
            lookup(r.pid()),
            EventKind.FILE_OPEN,
            r.text(),
            r.number(),
            null,
            -1,
            -1);
      case 'C':
        return event(
            r,
            timeNanos,
            c,
            lookup(r.pid()),
            EventKind.CONNECT,
            null,
            -1,
            r.text(),
            r.number(),
            -1);
      case 'B':
        return event(
            r, timeNanos, c, lookup(r.pid()), EventKind.BIND, null, -1, r.text(), r.number(), -1);
      case 'A':
        return event(
            r, timeNanos, c, lookup(r.pid()), EventKind.ACCEPT, null, -1, null, -1, r.number());
      default:
        return null;
    }
  }

  private RuntimeEvent event(
      SensorRecord r, long time, ContainerTarget c, ProcessInfo p, EventKind kind) {
    return event(r, time, c, p, kind, null, -1, null, -1, -1);
  }

  private static RuntimeEvent event(
      SensorRecord r,
      long time,
      ContainerTarget c,
      ProcessInfo p,
      EventKind kind,
      String path,
      long flags,
      String peer,
      long port,
      long ret) {
    return new RuntimeEvent(
        time,
        r.pid(),
        r.tid(),
        c.id(),
        c.name(),
        p,
        kind,
        syscallOf(kind),
        -1,
        path,
        (int) flags,
        peer,
        (int) port,
        ret < 0 ? RuntimeEvent.UNKNOWN_RETURN : ret);
  }

  private static String syscallOf(EventKind kind) {
    switch (kind) {
      case EXEC:
        return "execve";
      case FILE_OPEN:
        return "openat";
      case CONNECT:
        return "connect";
      case BIND:
        return "bind";
      case ACCEPT:
        return "accept";
      default:
        return null;
    }
  }

  private void recordArg(SensorRecord r) {
    int i = (int) r.number();
    if (i < 0 || i >= MAX_ARGS) {
      return;
    }
    String[] args = pendingArgs.computeIfAbsent(r.tid(), k -> new String[MAX_ARGS]);
    if (i == 0) {
      Arrays.fill(args, null);
    }
    String a = r.text() == null ? "" : r.text();
    args[i] = a.length() > MAX_ARG_CHARS ? a.substring(0, MAX_ARG_CHARS) : a;
  }

  private void fork(SensorRecord r) {
    int child = (int) r.number();
    if (child <= 0 || child == r.pid()) {
      return;
    }
    ProcessInfo parent = lookup(r.pid());
    processes.put(
        child, new ProcessInfo(parent.comm(), parent.exe(), parent.argv(), r.pid(), parent.exe()));
  }

  private ProcessInfo exec(SensorRecord r) {
    String path = r.text() == null ? "" : r.text();
    String[] pending = pendingArgs.remove(r.tid());
    if (pending == null && r.tid() != r.pid()) {
      pending = pendingArgs.remove(r.pid());
    }
    List<String> argv = new ArrayList<>();
    if (pending != null) {
      for (String a : pending) {
        if (a == null) {
          break;
        }
        argv.add(a);
      }
    }
    String program = programOf(path, argv);
    int ppid = (int) r.number();
    ProcessInfo parent = ppid > 0 ? lookup(ppid) : ProcessInfo.UNKNOWN;
    ProcessInfo p = new ProcessInfo(commOf(program), program, argv, ppid, parent.exe());
    processes.put(r.pid(), p);
    return p;
  }

  /** The program a process runs: its exec path, or argv[0] when it re-executed itself. */
  static String programOf(String path, List<String> argv) {
    boolean selfExec =
        path.startsWith("/proc/self/")
            || path.startsWith("/dev/fd/")
            || path.matches("/proc/[0-9]+/(exe|fd/[0-9]+)");
    if (selfExec && !argv.isEmpty() && !argv.get(0).isEmpty()) {
      return argv.get(0);
    }
    return path;
  }

  private static String commOf(String path) {
    int slash = path.lastIndexOf('/');
    String base = slash >= 0 ? path.substring(slash + 1) : path;
    return base.length() > 15 ? base.substring(0, 15) : base;
  }

  private ProcessInfo lookup(int pid) {
    ProcessInfo p = processes.get(pid);
    if (p == null) {
      p = procReader.apply(pid);
      processes.put(pid, p);
    }
    return p;
  }
}
