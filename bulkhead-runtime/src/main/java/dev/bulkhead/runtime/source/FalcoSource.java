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
 * Reads Falco's JSON output ({@code json_output: true}, one alert per line): the event type, time,
 * process and container come from {@code output_fields} ({@code evt.type}, {@code evt.time} or the
 * top-level {@code time}, {@code proc.pid}, {@code proc.name}, {@code proc.exepath}, {@code
 * proc.cmdline}, {@code proc.ppid}, {@code container.id}, {@code fd.name}...). One trace per
 * process.
 *
 * @see <a href="https://falco.org/docs/concepts/outputs/formatting/">Falco output formatting</a>
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
    JsonNode f = line.path("output_fields");
    if (!f.isObject()) {
      throw where.errorAtLine("no output_fields object; is this Falco json_output?");
    }
    String type = JsonLines.text(f.get("evt.type"));
    if (type == null) {
      throw where.errorAtLine(
          "output_fields has no evt.type; add %evt.type to the rule outputs to replay it");
    }
    long time = JsonLines.number(f.get("evt.time"), -1);
    if (time < 0) {
      String iso = JsonLines.text(line.get("time"));
      if (iso == null) {
        throw where.errorAtLine("no evt.time or time");
      }
      try {
        Instant t = Instant.parse(iso);
        time = t.getEpochSecond() * 1_000_000_000L + t.getNano();
      } catch (DateTimeParseException e) {
        throw where.errorAtLine("time '" + iso + "' is not an ISO-8601 instant");
      }
    }
    int pid = (int) JsonLines.number(f.get("proc.pid"), 0);
    int tid = (int) JsonLines.number(f.get("thread.tid"), pid);
    String cmdline = JsonLines.text(f.get("proc.cmdline"));
    List<String> argv = cmdline == null ? List.of() : Arrays.asList(cmdline.split(" "));
    String exe = JsonLines.text(f.get("proc.exepath"));
    if (exe == null) {
      exe = JsonLines.text(f.get("proc.exe"));
    }
    RuntimeEvent.ProcessInfo proc =
        new RuntimeEvent.ProcessInfo(
            JsonLines.text(f.get("proc.name")),
            exe,
            argv,
            (int) JsonLines.number(f.get("proc.ppid"), -1),
            JsonLines.text(f.get("proc.pexepath")));
    EventKind kind = EventKinds.of(type);
    String fd = JsonLines.text(f.get("fd.name"));
    String path = null;
    String peer = null;
    int port = -1;
    if (kind == EventKind.FILE_OPEN) {
      path = fd != null ? fd : JsonLines.text(f.get("fs.path.name"));
    } else if (kind == EventKind.EXEC) {
      path = exe;
    } else if (kind == EventKind.CONNECT || kind == EventKind.ACCEPT || kind == EventKind.BIND) {
      String ip = JsonLines.text(f.get(kind == EventKind.BIND ? "fd.sip" : "fd.rip"));
      long p = JsonLines.number(f.get(kind == EventKind.BIND ? "fd.sport" : "fd.rport"), -1);
      if (ip == null && fd != null && fd.contains("->")) {
        // fd.name of a socket is "CLIENT_IP:PORT->SERVER_IP:PORT".
        String side = kind == EventKind.BIND ? fd.substring(0, fd.indexOf("->")) : remote(fd);
        int colon = side.lastIndexOf(':');
        if (colon > 0) {
          ip = side.substring(0, colon);
          p = parsePort(side.substring(colon + 1));
        }
      }
      peer = ip;
      port = p >= 0 && p <= 65535 ? (int) p : -1;
    }
    String container = JsonLines.text(f.get("container.id"));
    return new RuntimeEvent(
        time,
        pid,
        tid,
        container == null || container.equals("host") ? null : container,
        JsonLines.text(f.get("container.name")),
        proc,
        kind,
        type,
        SyscallTable.X86_64.number(type),
        path,
        -1,
        peer,
        port,
        RuntimeEvent.UNKNOWN_RETURN);
  }

  private static long parsePort(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String remote(String fd) {
    return fd.substring(fd.indexOf("->") + 2);
  }
}
