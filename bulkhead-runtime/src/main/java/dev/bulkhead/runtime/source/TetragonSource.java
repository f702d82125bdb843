package dev.bulkhead.runtime.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads Tetragon's JSON export ({@code tetra getevents -o json} or the export file), one event per
 * line: {@code process_exec} (an exec), {@code process_exit}, {@code process_kprobe} ({@code
 * __x64_sys_*} hooks become system calls, {@code tcp_connect} a connect, {@code
 * security_file_open}/{@code fd_install} a file open) and {@code process_tracepoint} on {@code
 * raw_syscalls/sys_enter} (the first argument is the x86_64 system call number). Other event types
 * are skipped. One trace per process.
 *
 * @see <a href="https://tetragon.io/docs/concepts/events/">Tetragon events</a>
 */
final class TetragonSource implements TraceSource {

  @Override
  public String kind() {
    return "tetragon";
  }

  @Override
  public String description() {
    return "Tetragon JSON export (one event per line), a file or a directory of them";
  }

  @Override
  public void read(Path path, SourceLimits limits, Consumer<Trace> sink) throws BulkheadException {
    JsonLines.read(path, limits, sink, TetragonSource::convert, "a Tetragon JSON export");
  }

  static RuntimeEvent convert(JsonNode line, TextLines where) throws BulkheadException {
    String type = null;
    for (String t :
        List.of(
            "process_exec",
            "process_exit",
            "process_kprobe",
            "process_tracepoint",
            "process_lsm",
            "process_uprobe",
            "process_loader")) {
      if (line.has(t)) {
        type = t;
        break;
      }
    }
    if (type == null) {
      return null;
    }
    JsonNode ev = line.get(type);
    JsonNode p = ev.path("process");
    if (!p.isObject()) {
      throw where.errorAtLine(type + " has no process object");
    }
    long time = time(line, where);
    int pid = (int) JsonLines.number(p.get("pid"), 0);
    int tid = (int) JsonLines.number(p.get("tid"), pid);
    String binary = JsonLines.text(p.get("binary"));
    String args = JsonLines.text(p.get("arguments"));
    List<String> argv = args == null || args.isEmpty() ? List.of() : Arrays.asList(args.split(" "));
    JsonNode parent = ev.path("parent");
    RuntimeEvent.ProcessInfo proc =
        new RuntimeEvent.ProcessInfo(
            binary == null ? null : comm(binary),
            binary,
            argv,
            (int) JsonLines.number(parent.get("pid"), -1),
            JsonLines.text(parent.get("binary")));
    String container = JsonLines.text(p.path("pod").path("container").get("id"));
    if (container == null) {
      container = JsonLines.text(p.get("docker"));
    }
    if (container != null && container.contains("://")) {
      container = container.substring(container.indexOf("://") + 3);
    }
    String containerName = JsonLines.text(p.path("pod").path("container").get("name"));
    EventKind kind;
    String syscall = null;
    int nr = -1;
    String path = null;
    String peer = null;
    int port = -1;
    switch (type) {
      case "process_exec" -> {
        kind = EventKind.EXEC;
        syscall = "execve";
        nr = SyscallTable.X86_64.number(syscall);
        path = binary;
      }
      case "process_exit" -> kind = EventKind.EXIT;
      case "process_kprobe" -> {
        String fn = JsonLines.text(ev.get("function_name"));
        if (fn == null) {
          throw where.errorAtLine("process_kprobe has no function_name");
        }
        JsonNode kargs = ev.path("args");
        if (fn.equals("tcp_connect")) {
          kind = EventKind.CONNECT;
          syscall = "connect";
          JsonNode sock = first(kargs, "sock_arg");
          peer = JsonLines.text(sock.get("daddr"));
          long dport = JsonLines.number(sock.get("dport"), -1);
          port = dport >= 0 && dport <= 65535 ? (int) dport : -1;
        } else if (fn.equals("security_file_open") || fn.equals("fd_install")) {
          kind = EventKind.FILE_OPEN;
          syscall = "openat";
          path = JsonLines.text(first(kargs, "file_arg").get("path"));
        } else {
          syscall = syscallName(fn);
          if (syscall == null) {
            return null;
          }
          kind = EventKinds.of(syscall);
          if (kind == EventKind.FILE_OPEN || kind == EventKind.EXEC) {
            path = JsonLines.text(first(kargs, "string_arg"));
          }
        }
        nr = SyscallTable.X86_64.number(syscall);
      }
      case "process_tracepoint" -> {
        if (!"raw_syscalls".equals(JsonLines.text(ev.get("subsys")))
            || !"sys_enter".equals(JsonLines.text(ev.get("event")))) {
          return null;
        }
        long n = JsonLines.number(first(ev.path("args"), "long_arg"), -1);
        if (n < 0 || n > AdfaLdSource.MAX_SYSCALL_NR) {
          throw where.errorAtLine("raw_syscalls/sys_enter without a system call number");
        }
        nr = (int) n;
        syscall = SyscallTable.X86_64.name(nr);
        kind = EventKinds.of(syscall);
      }
      default -> {
        return null;
      }
    }
    return new RuntimeEvent(
        time,
        pid,
        tid,
        container,
        containerName,
        proc,
        kind,
        syscall,
        nr,
        path,
        -1,
        peer,
        port,
        RuntimeEvent.UNKNOWN_RETURN);
  }

  private static long time(JsonNode line, TextLines where) throws BulkheadException {
    String iso = JsonLines.text(line.get("time"));
    if (iso == null) {
      throw where.errorAtLine("event has no time");
    }
    try {
      Instant t = Instant.parse(iso);
      return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    } catch (DateTimeParseException e) {
      throw where.errorAtLine("time '" + iso + "' is not an ISO-8601 instant");
    }
  }

  /** Returns the first argument object holding {@code field}, or a missing node. */
  private static JsonNode first(JsonNode args, String field) {
    if (args.isArray()) {
      for (JsonNode a : args) {
        if (a.has(field)) {
          return a.get(field);
        }
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** Returns the system call a syscall-entry kprobe hooks, or null for other kernel functions. */
  static String syscallName(String fn) {
    for (String prefix : List.of("__x64_sys_", "__ia32_sys_", "__arm64_sys_", "__se_sys_")) {
      if (fn.startsWith(prefix)) {
        return fn.substring(prefix.length());
      }
    }
    if (fn.startsWith("sys_")) {
      return fn.substring(4);
    }
    return null;
  }

  private static String comm(String binary) {
    String base = binary.substring(binary.lastIndexOf('/') + 1);
    return base.length() > 15 ? base.substring(0, 15) : base;
  }
}
