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
 * comes from the recording's JSON metadata ({@code time.exploit[0].absolute}, seconds).
 *
 * <p>Each call is taken once, at its entry ({@code >}); exit lines ({@code <}) are skipped. Paths
 * come from the entry's {@code name=} (opens) or {@code filename=} (execve) argument when present.
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
        try (TextLines lines = TextLines.open(file, limits)) {
          sink.accept(Trace.ofEvents(id, events(lines, limits), exploit));
        }
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
    for (String line; (line = lines.next()) != null; ) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(" ", 9);
      if (f.length < 7) {
        throw lines.errorAtLine("not a LID-DS system call line (too few fields)");
      }
      boolean v2019 = f[1].indexOf(':') > 0;
      long time;
      int pid;
      int tid;
      String comm;
      String dir;
      String call;
      String args;
      try {
        if (v2019) {
          if (f.length < 8) {
            throw lines.errorAtLine("not a LID-DS 2019 line (too few fields)");
          }
          time = clock(f[1]);
          comm = f[4];
          tid = Integer.parseInt(f[5]);
          pid = tid;
          dir = f[6];
          call = f[7];
          args = f.length > 8 ? f[8] : "";
        } else {
          time = Long.parseLong(f[0]);
          pid = Integer.parseInt(f[2]);
          comm = f[3];
          tid = Integer.parseInt(f[4]);
          call = f[5];
          dir = f[6];
          args = f.length > 7 ? f[7] + (f.length > 8 ? " " + f[8] : "") : "";
        }
      } catch (NumberFormatException e) {
        throw lines.errorAtLine("not a LID-DS system call line: " + e.getMessage());
      }
      if (!dir.equals(">")) {
        if (!dir.equals("<")) {
          throw lines.errorAtLine("direction must be > or <, not '" + dir + "'");
        }
        continue;
      }
      if (events.size() >= limits.maxEventsPerTrace()) {
        throw lines.errorAtLine("more than " + limits.maxEventsPerTrace() + " calls");
      }
      EventKind kind = EventKinds.of(call);
      String path = null;
      if (kind == EventKind.EXEC || kind == EventKind.FILE_OPEN) {
        path = param(args, kind == EventKind.EXEC ? "filename=" : "name=");
      }
      RuntimeEvent.ProcessInfo proc =
          procs.computeIfAbsent(
              pid, p -> new RuntimeEvent.ProcessInfo(comm, null, List.of(), -1, null));
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
              -1,
              null,
              -1,
              RuntimeEvent.UNKNOWN_RETURN));
    }
    return events;
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
