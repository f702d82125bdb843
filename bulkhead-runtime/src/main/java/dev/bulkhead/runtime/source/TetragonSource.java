package dev.bulkhead.runtime.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads Tetragon's JSON export (the export file, {@code tetra getevents -o json}, or a gRPC
 * client's protobuf-JSON with camelCase names), one event per line: {@code process_exec} (an exec),
 * {@code process_exit}, {@code process_kprobe} ({@code __x64_sys_*} hooks become system calls,
 * {@code tcp_connect} a connect, {@code security_file_open}/{@code fd_install}/{@code
 * security_file_permission} a file open with its access mode) and {@code process_tracepoint} on
 * {@code raw_syscalls/sys_enter} (the system call number from a {@code long_arg} or a {@code
 * syscall_id} argument). The older {@code process_connect} and {@code process_listen} events become
 * a connect and a bind. Other event types ({@code process_lsm}, {@code process_uprobe}, {@code
 * process_loader}, {@code process_close}...) and other kernel functions are skipped. One trace per
 * process.
 *
 * @see <a href="https://tetragon.io/docs/concepts/events/">Tetragon events</a>
 */
final class TetragonSource implements TraceSource {
  private static final List<String> TYPES =
      List.of(
          "process_exec",
          "process_exit",
          "process_kprobe",
          "process_tracepoint",
          "process_lsm",
          "process_uprobe",
          "process_loader",
          "process_connect",
          "process_listen",
          "process_close");

  /** Linux {@code MAY_WRITE} and {@code MAY_APPEND}: the access mask bits that write. */
  private static final int MAY_WRITE_OR_APPEND = 0x2 | 0x8;

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
    JsonNode ev = null;
    for (String t : TYPES) {
      ev = field(line, t);
      if (ev != null) {
        type = t;
        break;
      }
    }
    if (type == null) {
      return null;
    }
    JsonNode p = field(ev, "process");
    if (p == null || !p.isObject()) {
      throw where.errorAtLine(type + " has no process object");
    }
    long time = time(line, type, p, where);
    int pid = (int) JsonLines.number(field(p, "pid"), 0);
    int tid = (int) JsonLines.number(field(p, "tid"), pid);
    String binary = JsonLines.text(field(p, "binary"));
    String args = JsonLines.text(field(p, "arguments"));
    List<String> argv = args == null || args.isEmpty() ? List.of() : Arrays.asList(args.split(" "));
    JsonNode parent = field(ev, "parent");
    RuntimeEvent.ProcessInfo proc =
        new RuntimeEvent.ProcessInfo(
            binary == null ? null : comm(binary),
            binary,
            argv,
            parent == null ? -1 : (int) JsonLines.number(field(parent, "pid"), -1),
            parent == null ? null : JsonLines.text(field(parent, "binary")));
    JsonNode pod = field(p, "pod");
    JsonNode podContainer = pod == null ? null : field(pod, "container");
    String container = podContainer == null ? null : JsonLines.text(field(podContainer, "id"));
    if (container == null) {
      container = JsonLines.text(field(p, "docker"));
    }
    if (container != null && container.contains("://")) {
      container = container.substring(container.indexOf("://") + 3);
    }
    String containerName =
        podContainer == null ? null : JsonLines.text(field(podContainer, "name"));
    EventKind kind;
    String syscall = null;
    int nr = -1;
    String path = null;
    int flags = -1;
    String peer = null;
    int port = -1;
    long ret = RuntimeEvent.UNKNOWN_RETURN;
    switch (type) {
      case "process_exec" -> {
        kind = EventKind.EXEC;
        syscall = "execve";
        nr = SyscallTable.X86_64.number(syscall);
        path = binary;
      }
      case "process_exit" -> kind = EventKind.EXIT;
      case "process_connect", "process_listen" -> {
        boolean connect = type.equals("process_connect");
        kind = connect ? EventKind.CONNECT : EventKind.BIND;
        syscall = connect ? "connect" : "listen";
        nr = SyscallTable.X86_64.number(syscall);
        peer = JsonLines.text(field(ev, connect ? "destination_ip" : "ip"));
        port =
            Endpoints.port(JsonLines.number(field(ev, connect ? "destination_port" : "port"), -1));
      }
      case "process_kprobe" -> {
        String fn = JsonLines.text(field(ev, "function_name"));
        if (fn == null) {
          throw where.errorAtLine("process_kprobe has no function_name");
        }
        JsonNode kargs = field(ev, "args");
        ret = returnValue(field(ev, "return"));
        if (fn.equals("tcp_connect")) {
          kind = EventKind.CONNECT;
          syscall = "connect";
          JsonNode sock = first(kargs, "sock_arg");
          peer = JsonLines.text(field(sock, "daddr"));
          port = Endpoints.port(JsonLines.number(field(sock, "dport"), -1));
        } else if (fn.equals("security_file_open")
            || fn.equals("fd_install")
            || fn.equals("security_file_permission")) {
          kind = EventKind.FILE_OPEN;
          syscall = "openat";
          path = absolute(JsonLines.text(field(first(kargs, "file_arg"), "path")));
          if (fn.equals("security_file_permission")) {
            long mask = JsonLines.number(first(kargs, "int_arg"), -1);
            // Read (O_RDONLY) unless the access mask asks to write or append (O_WRONLY).
            flags = mask < 0 ? -1 : (mask & MAY_WRITE_OR_APPEND) != 0 ? 0x1 : 0;
          }
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
        if (!"raw_syscalls".equals(JsonLines.text(field(ev, "subsys")))
            || !"sys_enter".equals(JsonLines.text(field(ev, "event")))) {
          return null;
        }
        Tracepoint tp = tracepointSyscall(field(ev, "args"), where);
        syscall = tp.name();
        nr = tp.nr();
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
        flags,
        peer,
        port,
        ret);
  }

  /**
   * Returns the field {@code snake} of {@code node} under its protobuf name ({@code function_name},
   * as the export writes it) or its JSON name ({@code functionName}, as gRPC clients print it), or
   * null.
   */
  static JsonNode field(JsonNode node, String snake) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode v = node.get(snake);
    if (v == null && snake.indexOf('_') > 0) {
      v = node.get(camel(snake));
    }
    return v == null || v.isNull() ? null : v;
  }

  private static String camel(String snake) {
    StringBuilder b = new StringBuilder(snake.length());
    boolean up = false;
    for (int i = 0; i < snake.length(); i++) {
      char c = snake.charAt(i);
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  /**
   * Returns the event time: the line's {@code time}, or for an exec without one the process's
   * {@code start_time} (the moment of the exec).
   */
  private static long time(JsonNode line, String type, JsonNode process, TextLines where)
      throws BulkheadException {
    String iso = JsonLines.text(field(line, "time"));
    if (iso == null && type.equals("process_exec")) {
      iso = JsonLines.text(field(process, "start_time"));
    }
    if (iso == null) {
      throw where.errorAtLine(type + " has no time");
    }
    return Endpoints.isoNanos(iso, where);
  }

  /** Returns the system call a {@code raw_syscalls/sys_enter} event names. */
  /** A traced system call: its name and its x86_64 number (the live sensor's numbering). */
  private record Tracepoint(String name, int nr) {}

  private static Tracepoint tracepointSyscall(JsonNode args, TextLines where)
      throws BulkheadException {
    JsonNode id = first(args, "syscall_id");
    if (!id.isMissingNode()) {
      // syscall64 arguments: {"id": N, "abi": "x64" | "i386" | ...}.
      long n = JsonLines.number(field(id, "id"), -1);
      String abi = JsonLines.text(field(id, "abi"));
      if (n < 0 || n > AdfaLdSource.MAX_SYSCALL_NR) {
        throw where.errorAtLine("raw_syscalls/sys_enter syscall_id without a system call number");
      }
      if (abi == null || abi.equals("x64")) {
        // The raw number, as the live sensor keeps it, even where the table has no name.
        return new Tracepoint(SyscallTable.X86_64.name((int) n), (int) n);
      }
      if (abi.equals("i386")) {
        String name = SyscallTable.I386.name((int) n);
        return new Tracepoint(name, SyscallTable.X86_64.number(name));
      }
      throw where.errorAtLine("raw_syscalls/sys_enter for ABI '" + abi + "'; only x64 and i386");
    }
    long n = JsonLines.number(first(args, "long_arg"), -1);
    if (n < 0) {
      n = JsonLines.number(first(args, "int_arg"), -1);
    }
    if (n < 0 || n > AdfaLdSource.MAX_SYSCALL_NR) {
      throw where.errorAtLine("raw_syscalls/sys_enter without a system call number");
    }
    return new Tracepoint(SyscallTable.X86_64.name((int) n), (int) n);
  }

  /** Returns a kprobe's {@code return} value when it is a number, else unknown. */
  private static long returnValue(JsonNode ret) {
    if (ret == null || !ret.isObject()) {
      return RuntimeEvent.UNKNOWN_RETURN;
    }
    for (String f : List.of("int_arg", "long_arg", "size_arg")) {
      JsonNode v = field(ret, f);
      if (v != null) {
        long n = JsonLines.number(v, Long.MIN_VALUE);
        return n;
      }
    }
    return RuntimeEvent.UNKNOWN_RETURN;
  }

  /** Older Tetragon printed file paths without the leading slash ({@code etc/passwd}). */
  private static String absolute(String path) {
    return path == null || path.isEmpty() || path.startsWith("/") ? path : "/" + path;
  }

  /** Returns the first argument object holding {@code name}, or a missing node. */
  private static JsonNode first(JsonNode args, String name) {
    if (args != null && args.isArray()) {
      for (JsonNode a : args) {
        JsonNode v = field(a, name);
        if (v != null) {
          return v;
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
