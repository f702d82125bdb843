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
 * Reads Falco's JSON output ({@code json_output: true}, one alert per line): the event type, time,
 * process and container come from {@code output_fields} ({@code evt.type}, {@code evt.time} or
 * {@code evt.time.iso8601} or the top-level {@code time}, {@code proc.pid}, {@code proc.name},
 * {@code proc.exepath}, {@code proc.cmdline}, {@code proc.ppid}, {@code container.id}, {@code
 * fd.name}, {@code evt.arg.flags}...). One trace per process ({@code proc.pid}; alerts without it
 * share trace {@code #0}).
 *
 * <p>Falco only prints the fields a rule's output names, and many rules (all of them before Falco
 * 0.36) omit {@code evt.type} and {@code proc.pid}. Such alerts are kept: one whose {@code fd.name}
 * is a file path is a file open of that path, any other is a system call event with no name or
 * number (it still carries the process and container). Alerts from other sources ({@code source}
 * not {@code syscall}: Kubernetes audit, plugins) are skipped.
 *
 * @see <a href="https://falco.org/docs/concepts/outputs/channels/">Falco JSON output</a>
 */
final class FalcoSource implements TraceSource {

  @Override
  public String kind() {
    return "falco";
  }

  @Override
  public String description() {
    return "Falco JSON lines (json_output), a file or a directory of them";
  }

  @Override
  public void read(Path path, SourceLimits limits, Consumer<Trace> sink) throws BulkheadException {
    JsonLines.read(path, limits, sink, FalcoSource::convert, "a Falco JSON-lines file");
  }

  static RuntimeEvent convert(JsonNode line, TextLines where) throws BulkheadException {
    String source = JsonLines.text(line.get("source"));
    if (source != null && !source.equals("syscall")) {
      return null;
    }
    JsonNode f = line.path("output_fields");
    if (!f.isObject()) {
      throw where.errorAtLine("no output_fields object; is this Falco json_output?");
    }
    long time = time(line, f, where);
    int pid = (int) JsonLines.number(f.get("proc.pid"), 0);
    int tid = (int) JsonLines.number(f.get("thread.tid"), pid);
    String cmdline = JsonLines.text(f.get("proc.cmdline"));
    List<String> argv = cmdline == null ? List.of() : Arrays.asList(cmdline.split(" "));
    String exe = JsonLines.text(f.get("proc.exepath"));
    if (exe == null) {
      // proc.exe is argv[0]: a path only sometimes.
      String arg0 = JsonLines.text(f.get("proc.exe"));
      exe = arg0 != null && arg0.startsWith("/") ? arg0 : null;
    }
    RuntimeEvent.ProcessInfo proc =
        new RuntimeEvent.ProcessInfo(
            JsonLines.text(f.get("proc.name")),
            exe,
            argv,
            (int) JsonLines.number(f.get("proc.ppid"), -1),
            JsonLines.text(f.get("proc.pexepath")));
    String type = JsonLines.text(f.get("evt.type"));
    String fd = JsonLines.text(f.get("fd.name"));
    String filePath = fd != null && fd.startsWith("/") ? fd : JsonLines.text(f.get("fs.path.name"));
    EventKind kind;
    if (type != null) {
      kind = EventKinds.of(type);
    } else {
      // The rule did not print %evt.type: say only what the fields show.
      kind = filePath != null && filePath.startsWith("/") ? EventKind.FILE_OPEN : EventKind.SYSCALL;
    }
    String path = null;
    int flags = -1;
    String peer = null;
    int port = -1;
    if (kind == EventKind.FILE_OPEN) {
      path = filePath != null ? filePath : fd;
      // evt.arg.flags of an open names O_* flags (of an execve it names EXE_* flags instead).
      flags = OpenFlags.parse(JsonLines.text(f.get("evt.arg.flags")));
    } else if (kind == EventKind.EXEC) {
      path = exe;
    } else if (kind == EventKind.CONNECT || kind == EventKind.ACCEPT || kind == EventKind.BIND) {
      String ip = JsonLines.text(f.get(kind == EventKind.BIND ? "fd.sip" : "fd.rip"));
      long p = JsonLines.number(f.get(kind == EventKind.BIND ? "fd.sport" : "fd.rport"), -1);
      if (ip == null && fd != null && fd.indexOf(':') > 0) {
        // fd.name of a socket is "CLIENT_IP:PORT->SERVER_IP:PORT" (the server side alone once
        // bound): the peer of a connect is the server, of an accept the client.
        int arrow = fd.indexOf("->");
        String side =
            arrow < 0
                ? fd
                : kind == EventKind.ACCEPT ? fd.substring(0, arrow) : fd.substring(arrow + 2);
        String[] hp = Endpoints.hostAndPort(side);
        if (hp != null) {
          ip = hp[0];
          p = parsePort(hp[1]);
        }
      }
      peer = ip;
      port = Endpoints.port(p);
    }
    String container = JsonLines.text(f.get("container.id"));
    return new RuntimeEvent(
        time,
        pid,
        tid,
        container == null || container.isEmpty() || container.equals("host") ? null : container,
        JsonLines.text(f.get("container.name")),
        proc,
        kind,
        type,
        type == null ? -1 : SyscallTable.X86_64.number(type),
        path,
        flags,
        peer,
        port,
        RuntimeEvent.UNKNOWN_RETURN);
  }

  /**
   * Returns the event time in nanoseconds: Falco prints {@code evt.time}, {@code evt.time.iso8601}
   * and {@code evt.rawtime} in {@code output_fields} as nanoseconds since the epoch; the alert's
   * own ISO-8601 {@code time} is the fallback.
   */
  private static long time(JsonNode line, JsonNode f, TextLines where) throws BulkheadException {
    for (String field : List.of("evt.time", "evt.time.iso8601", "evt.rawtime")) {
      JsonNode n = f.get(field);
      if (n != null && n.isIntegralNumber() && n.asLong() >= 0) {
        return n.asLong();
      }
    }
    String iso = JsonLines.text(line.get("time"));
    if (iso == null) {
      throw where.errorAtLine("no evt.time in output_fields and no time");
    }
    return Endpoints.isoNanos(iso, where);
  }

  private static long parsePort(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
