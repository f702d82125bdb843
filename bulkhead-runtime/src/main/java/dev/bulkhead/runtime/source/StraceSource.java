package dev.bulkhead.runtime.source;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code strace -f -tt} (or {@code -ttt}) logs, written with {@code -o FILE} ({@code PID TIME
 * call(args) = ret}) or to standard error ({@code [pid PID] TIME ...}); one trace per process.
 *
 * <p>A call split by another process ({@code <unfinished ...>} / {@code <... call resumed>}) is
 * counted once, where it started. Signals ({@code ---}) are skipped; {@code +++ exited} becomes an
 * exit event. Names map to x86_64 numbers ({@link SyscallTable#X86_64}).
 */
final class StraceSource implements TraceSource {
  private static final Pattern LINE =
      Pattern.compile(
          "^(?:\\[pid\\s+(\\d+)\\]\\s+|(\\d+)\\s+)?"
              + "(?:(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?|(\\d{1,12})\\.(\\d{1,9}))\\s+"
              + "(.*)$");
  private static final Pattern CALL = Pattern.compile("^([a-z_][a-z0-9_]*)\\((.*)$");
  private static final Pattern RESULT = Pattern.compile("\\)\\s+=\\s+(-?\\d+|0x[0-9a-f]+|\\?)");
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern PORT = Pattern.compile("sin6?_port=htons\\((\\d+)\\)");
  private static final Pattern ADDR =
      Pattern.compile("inet_addr\\(\"([^\"]+)\"\\)|inet_pton\\(AF_INET6,\\s*\"([^\"]+)\"");

  @Override
  public String kind() {
    return "strace";
  }

  @Override
  public String description() {
    return "strace -f -tt log file, or a directory of them; one trace per process";
  }

  @Override
  public void read(Path path, SourceLimits limits, Consumer<Trace> sink) throws BulkheadException {
    for (Path file :
        Files2.recordings(path, n -> true, limits.maxTraces(), "an strace -f -tt log")) {
      TraceGrouper traces = new TraceGrouper(Files2.id(path, file), limits);
      Map<Integer, RuntimeEvent.ProcessInfo> procs = new HashMap<>();
      try (TextLines lines = TextLines.open(file, limits)) {
        for (String line; (line = lines.next()) != null; ) {
          RuntimeEvent e = parse(line, lines, procs);
          if (e != null) {
            traces.add(e, file + ":" + lines.lineNumber());
          }
        }
      }
      traces.emit(sink);
    }
  }

  private static RuntimeEvent parse(
      String line, TextLines lines, Map<Integer, RuntimeEvent.ProcessInfo> procs)
      throws BulkheadException {
    if (line.isBlank()) {
      return null;
    }
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      throw lines.errorAtLine(
          "not an strace -tt line (expected [PID] HH:MM:SS.micros call(args) = result)");
    }
    String pidText = m.group(1) != null ? m.group(1) : m.group(2);
    int pid = pidText == null ? 0 : parsePid(pidText, lines);
    long time;
    if (m.group(3) != null) {
      long secs =
          Long.parseLong(m.group(3)) * 3600
              + Long.parseLong(m.group(4)) * 60
              + Long.parseLong(m.group(5));
      time = secs * 1_000_000_000L + fraction(m.group(6));
    } else {
      time = Long.parseLong(m.group(7)) * 1_000_000_000L + fraction(m.group(8));
    }
    String rest = m.group(9);
    if (rest.startsWith("---") || rest.startsWith("<...")) {
      return null;
    }
    if (rest.startsWith("+++")) {
      return rest.contains("exited") || rest.contains("killed")
          ? event(
              time,
              pid,
              procs.get(pid),
              EventKind.EXIT,
              null,
              -1,
              null,
              null,
              -1,
              RuntimeEvent.UNKNOWN_RETURN)
          : null;
    }
    Matcher c = CALL.matcher(rest);
    if (!c.matches()) {
      throw lines.errorAtLine("cannot read the system call in '" + abbreviate(rest) + "'");
    }
    String name = c.group(1);
    String args = c.group(2);
    long ret = RuntimeEvent.UNKNOWN_RETURN;
    Matcher r = RESULT.matcher(args);
    int end = args.length();
    while (r.find()) {
      end = r.start();
      String v = r.group(1);
      ret =
          v.equals("?")
              ? RuntimeEvent.UNKNOWN_RETURN
              : v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : parseLong(v);
    }
    String argText = args.substring(0, end);
    EventKind kind = EventKinds.of(name);
    String pathArg = null;
    String peer = null;
    int port = -1;
    if (kind == EventKind.EXEC || kind == EventKind.FILE_OPEN) {
      Matcher q = QUOTED.matcher(argText);
      if (q.find()) {
        pathArg = q.group(1);
      }
      if (kind == EventKind.EXEC
          && pathArg != null
          && (ret == 0 || ret == RuntimeEvent.UNKNOWN_RETURN)) {
        String base = pathArg.substring(pathArg.lastIndexOf('/') + 1);
        procs.put(
            pid,
            new RuntimeEvent.ProcessInfo(
                base.length() > 15 ? base.substring(0, 15) : base, pathArg, List.of(), -1, null));
      }
    } else if (kind == EventKind.CONNECT || kind == EventKind.BIND || kind == EventKind.ACCEPT) {
      Matcher a = ADDR.matcher(argText);
      if (a.find()) {
        peer = a.group(1) != null ? a.group(1) : a.group(2);
      } else {
        Matcher q = QUOTED.matcher(argText);
        if (argText.contains("sun_path") && q.find()) {
          peer = "unix:" + q.group(1);
        }
      }
      Matcher p = PORT.matcher(argText);
      if (p.find()) {
        port = Integer.parseInt(p.group(1)) & 0xffff;
      }
    }
    return event(
        time,
        pid,
        procs.get(pid),
        kind,
        name,
        SyscallTable.X86_64.number(name),
        pathArg,
        peer,
        port,
        ret);
  }

  private static long parseLong(String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return RuntimeEvent.UNKNOWN_RETURN;
    }
  }

  private static int parsePid(String text, TextLines lines) throws BulkheadException {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw lines.errorAtLine("process id " + text + " out of range");
    }
  }

  private static long fraction(String digits) {
    if (digits == null) {
      return 0;
    }
    long v = Long.parseLong(digits);
    for (int i = digits.length(); i < 9; i++) {
      v *= 10;
    }
    return v;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  private static RuntimeEvent event(
      long time,
      int pid,
      RuntimeEvent.ProcessInfo proc,
      EventKind kind,
      String name,
      int nr,
      String path,
      String peer,
      int port,
      long ret) {
    return new RuntimeEvent(
        time,
        pid,
        pid,
        null,
        null,
        proc == null ? RuntimeEvent.ProcessInfo.UNKNOWN : proc,
        kind,
        name,
        nr,
        path,
        -1,
        peer,
        port,
        ret);
  }
}
