package dev.bulkhead.runtime.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads LID-DS recordings: the sysdig text of LID-DS 2021 ({@code TIME_NS UID PID COMM TID CALL DIR
 * ARGS...}, in {@code NAME.sc} or inside the recording's {@code NAME.zip}) and LID-DS 2019 ({@code
 * NUM HH:MM:SS.NS CPU UID COMM TID DIR CALL ARGS...}). One trace per recording; its exploit time
 * comes from the recording's JSON metadata ({@code time.exploit[0].absolute}, seconds) or, for a
 * 2019 recording without one, from the {@code runs.csv} beside it ({@code exploit_start_time}
 * seconds after the recording's first call).
 *
 * <p>Each call is one event, at its entry ({@code >}); the matching exit ({@code <}, the next one
 * of the same thread and call) completes it, since sysdig prints most arguments there: the return
 * value ({@code res=}, or {@code fd=} of an open), the path and flags of an open ({@code name=},
 * resolved as {@code name=REL(ABS)}, or the path in {@code fd=N(<f>PATH)}), the peer of a connect
 * ({@code tuple=} server side, or the entry's {@code addr=}), of an accept ({@code tuple=} client
 * side) and the address of a bind. Exits whose entry is not in the recording are skipped. Execs
 * take their path from the entry's {@code filename=}.
 *
 * @see <a href="https://github.com/LID-DS/LID-DS">LID-DS</a>
 */
final class LidDsSource implements TraceSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Largest metadata file read. */
  private static final int MAX_JSON_BYTES = 1 << 20;

  @Override
  public String kind() {
    return "lid-ds";
  }

  @Override
  public String description() {
    return "LID-DS recording (.zip or .sc/.txt sysdig text) or a directory of them";
  }

  @Override
  public void read(Path path, SourceLimits limits, Consumer<Trace> sink) throws BulkheadException {
    List<Path> files =
        Files2.recordings(
            path,
            n -> n.endsWith(".zip") || n.endsWith(".sc") || n.endsWith(".txt"),
            limits.maxTraces(),
            "a LID-DS recording or a directory of them");
    Map<Path, Runs> runs = new HashMap<>();
    for (Path file : files) {
      String id = Files2.id(path, file);
      id = id.substring(0, id.lastIndexOf('.'));
      if (file.getFileName().toString().endsWith(".zip")) {
        readZip(file, id, limits, sink);
      } else {
        Path meta = file.resolveSibling(stem(file) + ".json");
        long exploit = -1;
        if (Files.isRegularFile(meta)) {
          try (InputStream in = Files.newInputStream(meta)) {
            exploit = exploitTime(in, meta.toString());
          } catch (IOException e) {
            throw new BulkheadException(meta + ": cannot read: " + e.getMessage(), e);
          }
        }
        List<RuntimeEvent> events;
        try (TextLines lines = TextLines.open(file, limits)) {
          events = events(lines, limits);
        }
        if (!Files.isRegularFile(meta)) {
          // LID-DS 2019: the scenario's runs.csv gives the exploit start in seconds after the
          // recording's first call.
          double start =
              runs.computeIfAbsent(file.toAbsolutePath().getParent(), Runs::load)
                  .exploitSeconds(stem(file));
          if (start >= 0 && !events.isEmpty()) {
            exploit = events.get(0).timeNanos() + (long) (start * 1e9);
          }
        }
        sink.accept(Trace.ofEvents(id, events, exploit));
      }
    }
  }

  /**
   * The rows of a LID-DS 2019 {@code runs.csv} ({@code image_name, scenario_name,
   * is_executing_exploit, warmup_time, recording_time, exploit_start_time}), by recording name.
   */
  private static final class Runs {
    private static final String[] NAMES = {"runs.csv", "run.csv"};
    private static final int MAX_BYTES = 4 << 20;

    private final Map<String, String[]> rows = new HashMap<>();
    private final Map<String, Integer> lineOf = new HashMap<>();
    private Path file;
    private BulkheadException error;

    static Runs load(Path dir) {
      Runs r = new Runs();
      for (String name : NAMES) {
        Path f = dir == null ? null : dir.resolve(name);
        if (f != null && Files.isRegularFile(f)) {
          r.file = f;
          try {
            if (Files.size(f) > MAX_BYTES) {
              throw new BulkheadException(f + ": larger than " + MAX_BYTES + " bytes");
            }
            List<String> lines = Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
              String[] cols = lines.get(i).split(",", 8);
              if (cols.length >= 6) {
                for (int c = 0; c < cols.length; c++) {
                  cols[c] = cols[c].trim();
                }
                r.rows.put(cols[1], cols);
                r.lineOf.put(cols[1], i + 1);
              }
            }
          } catch (IOException e) {
            r.error = new BulkheadException(f + ": cannot read: " + e.getMessage(), e);
          } catch (BulkheadException e) {
            r.error = e;
          }
          break;
        }
      }
      return r;
    }

    /** Returns the exploit start of {@code name} in seconds, or -1 for a clean or unlisted run. */
    double exploitSeconds(String name) throws BulkheadException {
      rethrow();
      String[] row = rows.get(name);
      if (row == null || !row[2].equalsIgnoreCase("true")) {
        return -1;
      }
      try {
        double start = Double.parseDouble(row[5]);
        if (start < 0 || start > 1e7) {
          throw new NumberFormatException("out of range");
        }
        return start;
      } catch (NumberFormatException e) {
        throw new BulkheadException(
            file
                + ":"
                + lineOf.get(name)
                + ": exploit_start_time '"
                + row[5]
                + "' of an exploit run is not a number of seconds");
      }
    }

    void rethrow() throws BulkheadException {
      if (error != null) {
        throw error;
      }
    }
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.lastIndexOf('.'));
  }

  private static void readZip(Path file, String id, SourceLimits limits, Consumer<Trace> sink)
      throws BulkheadException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > 10_000) {
        throw new BulkheadException(
            file + ": " + zip.size() + " zip entries; not a LID-DS recording");
      }
      ZipEntry sc = null;
      ZipEntry meta = null;
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (e.getName().endsWith(".sc")) {
          sc = e;
        } else if (e.getName().endsWith(".json")) {
          meta = e;
        }
      }
      if (sc == null) {
        throw new BulkheadException(
            file + ": no .sc system call file inside; is this a LID-DS 2021 recording?");
      }
      long exploit = -1;
      if (meta != null) {
        try (InputStream in = zip.getInputStream(meta)) {
          exploit = exploitTime(in, file + "!" + meta.getName());
        }
      }
      String name = file + "!" + sc.getName();
      try (TextLines lines = TextLines.of(name, zip.getInputStream(sc), limits)) {
        sink.accept(Trace.ofEvents(id, events(lines, limits), exploit));
      }
    } catch (IOException e) {
      throw new BulkheadException(file + ": cannot read the zip: " + e.getMessage(), e);
    }
  }

  /** Returns the first exploit time in nanoseconds, or -1 when the metadata names none. */
  static long exploitTime(InputStream in, String name) throws BulkheadException {
    JsonNode root;
    try {
      byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
      if (bytes.length > MAX_JSON_BYTES) {
        throw new BulkheadException(name + ": metadata larger than " + MAX_JSON_BYTES + " bytes");
      }
      // LID-DS 2021 metadata is sometimes written with single quotes (Python repr).
      String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      try {
        root = JSON.readTree(text);
      } catch (IOException e) {
        root = JSON.readTree(text.replace('\'', '"'));
      }
    } catch (IOException e) {
      throw new BulkheadException(name + ": not JSON metadata: " + e.getMessage(), e);
    }
    if (root == null || !root.path("exploit").asBoolean(false)) {
      return -1;
    }
    JsonNode times = root.path("time").path("exploit");
    JsonNode first = times.isArray() && times.size() > 0 ? times.get(0) : times;
    JsonNode abs = first.path("absolute");
    if (!abs.isNumber()) {
      throw new BulkheadException(
          name + ": \"exploit\" is true but time.exploit[0].absolute is missing");
    }
    return (long) (abs.asDouble() * 1e9);
  }

  private static List<RuntimeEvent> events(TextLines lines, SourceLimits limits)
      throws BulkheadException {
    List<RuntimeEvent> events = new ArrayList<>();
    Map<Integer, RuntimeEvent.ProcessInfo> procs = new HashMap<>();
    // Thread id -> index in events of its call that has not exited yet.
    Map<Integer, Integer> pending = new HashMap<>();
    for (String line; (line = lines.next()) != null; ) {
      if (line.isBlank()) {
        continue;
      }
      // Fields around the direction token, so a process name holding spaces ("php-fpm: pool w")
      // does not shift them: 2021 TIME UID PID COMM.. TID CALL DIR ARGS,
      // 2019 NUM HH:MM:SS.NS CPU UID COMM.. TID DIR CALL ARGS.
      String[] f = line.split(" ", MAX_TOKENS);
      if (f.length < 7) {
        throw lines.errorAtLine("not a LID-DS system call line (too few fields)");
      }
      boolean v2019 = f[1].indexOf(':') > 0;
      int d = direction(f, 6, v2019 ? 1 : 2);
      if (d < 0) {
        throw lines.errorAtLine(
            "not a LID-DS system call line: no > or < direction after the thread id");
      }
      long time;
      int pid;
      int tid;
      String comm;
      String dir = f[d];
      String call;
      int argsFrom;
      try {
        if (v2019) {
          time = clock(f[1]);
          comm = String.join(" ", Arrays.copyOfRange(f, 4, d - 1));
          tid = Integer.parseInt(f[d - 1]);
          pid = tid;
          if (d + 1 >= f.length) {
            throw lines.errorAtLine("not a LID-DS 2019 line (no system call after the direction)");
          }
          call = f[d + 1];
          argsFrom = d + 2;
        } else {
          time = Long.parseLong(f[0]);
          pid = Integer.parseInt(f[2]);
          comm = String.join(" ", Arrays.copyOfRange(f, 3, d - 2));
          tid = Integer.parseInt(f[d - 2]);
          call = f[d - 1];
          argsFrom = d + 1;
        }
      } catch (NumberFormatException e) {
        throw lines.errorAtLine("not a LID-DS system call line: " + e.getMessage());
      }
      String args =
          argsFrom < f.length ? String.join(" ", Arrays.copyOfRange(f, argsFrom, f.length)) : "";
      if (call.isEmpty()) {
        throw lines.errorAtLine("no system call name");
      }
      if (dir.equals("<")) {
        Integer at = pending.get(tid);
        if (at != null && call.equals(events.get(at).syscall())) {
          pending.remove(tid);
          RuntimeEvent done = completed(events.get(at), args);
          events.set(at, done);
          if (done.kind() == EventKind.EXEC && done.returnValue() == 0 && done.path() != null) {
            // The new program: later calls of this process run it (the line's name is the new one).
            procs.put(pid, new RuntimeEvent.ProcessInfo(comm, done.path(), List.of(), -1, null));
          }
        }
        continue;
      }
      if (events.size() >= limits.maxEventsPerTrace()) {
        throw lines.errorAtLine("more than " + limits.maxEventsPerTrace() + " calls");
      }
      EventKind kind = EventKinds.of(call);
      String path = null;
      String peer = null;
      int port = -1;
      if (kind == EventKind.EXEC) {
        path = param(args, "filename=");
      } else if (kind == EventKind.FILE_OPEN) {
        path = openPath(args);
      } else if (kind == EventKind.CONNECT || kind == EventKind.BIND) {
        String[] hp = Endpoints.hostAndPort(param(args, "addr="));
        if (hp != null) {
          peer = hp[0];
          port = port(hp[1]);
        }
      }
      RuntimeEvent.ProcessInfo proc = procs.get(pid);
      if (proc == null || !comm.equals(proc.comm())) {
        // First call of the process, or its name changed (an exec the recording did not show).
        proc = new RuntimeEvent.ProcessInfo(comm, null, List.of(), -1, null);
        procs.put(pid, proc);
      }
      pending.put(tid, events.size());
      events.add(
          new RuntimeEvent(
              time,
              pid,
              tid,
              null,
              null,
              proc,
              kind,
              call,
              SyscallTable.X86_64.number(call),
              path,
              kind == EventKind.FILE_OPEN ? OpenFlags.parse(param(args, "flags=")) : -1,
              peer,
              port,
              RuntimeEvent.UNKNOWN_RETURN));
    }
    return events;
  }

  /** Most space-separated fields looked at before the arguments (a process name has few spaces). */
  private static final int MAX_TOKENS = 24;

  /**
   * Returns the index of the first {@code >} or {@code <} token at or after {@code from} whose
   * thread id ({@code tidBack} tokens before it) is a number, or -1.
   */
  private static int direction(String[] f, int from, int tidBack) {
    for (int i = from; i < f.length && i < MAX_TOKENS - 1; i++) {
      if ((f[i].equals(">") || f[i].equals("<")) && isNumber(f[i - tidBack])) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 10) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Returns {@code entry} completed with what its exit line's arguments add. */
  private static RuntimeEvent completed(RuntimeEvent entry, String args) {
    EventKind kind = entry.kind();
    String path = entry.path();
    int flags = entry.flags();
    String peer = entry.peerAddress();
    int port = entry.peerPort();
    long ret = number(param(args, "res="));
    if (kind == EventKind.FILE_OPEN) {
      if (ret == RuntimeEvent.UNKNOWN_RETURN) {
        ret = number(param(args, "fd="));
      }
      if (path == null) {
        path = openPath(args);
      }
      if (flags < 0) {
        flags = OpenFlags.parse(param(args, "flags="));
      }
    } else if (kind == EventKind.CONNECT || kind == EventKind.ACCEPT) {
      if (kind == EventKind.ACCEPT && ret == RuntimeEvent.UNKNOWN_RETURN) {
        ret = number(param(args, "fd="));
      }
      // tuple=CLIENT_IP:PORT->SERVER_IP:PORT; accept's fd=N(<4t>TUPLE) holds it too.
      String tuple = param(args, "tuple=");
      if (tuple == null) {
        String fd = param(args, "fd=");
        int gt = fd == null ? -1 : fd.indexOf('>');
        tuple =
            gt < 0 ? null : fd.substring(gt + 1, fd.endsWith(")") ? fd.length() - 1 : fd.length());
      }
      int arrow = tuple == null ? -1 : tuple.indexOf("->");
      if (arrow > 0) {
        String side =
            kind == EventKind.CONNECT ? tuple.substring(arrow + 2) : tuple.substring(0, arrow);
        String[] hp = Endpoints.hostAndPort(side);
        if (hp != null) {
          peer = hp[0];
          port = port(hp[1]);
        }
      }
    } else if (kind == EventKind.BIND && peer == null) {
      String[] hp = Endpoints.hostAndPort(param(args, "addr="));
      if (hp != null) {
        peer = hp[0];
        port = port(hp[1]);
      }
    }
    return new RuntimeEvent(
        entry.timeNanos(),
        entry.pid(),
        entry.tid(),
        entry.containerId(),
        entry.containerName(),
        entry.process(),
        kind,
        entry.syscall(),
        entry.syscallNr(),
        path,
        flags,
        peer,
        port,
        ret);
  }

  /**
   * Returns the path an open's arguments name: {@code name=PATH}, or the absolute form sysdig
   * appends to a relative name ({@code name=REL(ABS)}), or the file of {@code fd=N(<f>PATH)}.
   */
  private static String openPath(String args) {
    String name = param(args, "name=");
    if (name != null && !name.isEmpty()) {
      int open = name.indexOf('(');
      if (open > 0 && name.endsWith(")") && name.charAt(open + 1) == '/') {
        return name.substring(open + 1, name.length() - 1);
      }
      return name;
    }
    String fd = param(args, "fd=");
    int file = fd == null ? -1 : fd.indexOf("(<f>");
    if (file >= 0 && fd.endsWith(")")) {
      return fd.substring(file + 4, fd.length() - 1);
    }
    return null;
  }

  /** Returns the leading integer of a sysdig value ({@code -2(ENOENT)}, {@code 13(<f>/x)}). */
  private static long number(String value) {
    if (value == null) {
      return RuntimeEvent.UNKNOWN_RETURN;
    }
    int end = 0;
    if (end < value.length() && value.charAt(end) == '-') {
      end++;
    }
    while (end < value.length() && end < 20 && Character.isDigit(value.charAt(end))) {
      end++;
    }
    try {
      return Long.parseLong(value.substring(0, end));
    } catch (NumberFormatException e) {
      return RuntimeEvent.UNKNOWN_RETURN;
    }
  }

  private static int port(String text) {
    return Endpoints.port(number(text));
  }

  private static String param(String args, String key) {
    int at = args.startsWith(key) ? 0 : args.indexOf(" " + key);
    if (at < 0) {
      return null;
    }
    int from = at == 0 ? key.length() : at + 1 + key.length();
    int end = args.indexOf(' ', from);
    return args.substring(from, end < 0 ? args.length() : end);
  }

  private static long clock(String hms) {
    String[] p = hms.split("[:.]");
    if (p.length < 3) {
      throw new NumberFormatException("time " + hms + " is not HH:MM:SS.NS");
    }
    long secs = Long.parseLong(p[0]) * 3600 + Long.parseLong(p[1]) * 60 + Long.parseLong(p[2]);
    long frac = 0;
    if (p.length > 3) {
      String d = p[3].length() > 9 ? p[3].substring(0, 9) : p[3];
      frac = Long.parseLong(d);
      for (int i = d.length(); i < 9; i++) {
        frac *= 10;
      }
    }
    return secs * 1_000_000_000L + frac;
  }
}
