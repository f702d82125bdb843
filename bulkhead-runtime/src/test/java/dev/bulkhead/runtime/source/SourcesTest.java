package dev.bulkhead.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads hand-written recordings of every offline kind, and malformed ones. */
class SourcesTest {

  private static Path fixture(String relative) throws URISyntaxException {
    return Paths.get(SourcesTest.class.getResource(relative).toURI());
  }

  private static List<Trace> read(String kind, Path path) throws BulkheadException {
    return Sources.readAll(SourceSpec.parse(kind + ":" + path));
  }

  @Test
  void specNamesKindAndPath() {
    SourceSpec s = SourceSpec.parse("adfa-ld:/data/x:y");
    assertThat(s.kind()).isEqualTo("adfa-ld");
    assertThat(s.path()).isEqualTo(Paths.get("/data/x:y"));
    assertThatThrownBy(() -> SourceSpec.parse("nope:/x"))
        .hasMessageContaining("unknown source kind 'nope'")
        .hasMessageContaining("adfa-ld, lid-ds, strace, falco, tetragon");
    assertThatThrownBy(() -> SourceSpec.parse("/just/a/path"))
        .hasMessageContaining("is not KIND:PATH");
  }

  @Test
  void adfaReadsOneTracePerFileWithRelativeIds() throws Exception {
    List<Trace> traces = read("adfa-ld", fixture("adfa/ok"));
    assertThat(traces).extracting(Trace::id).containsExactly("UTD-0001.txt", "sub/UAD-x-1.txt");
    assertThat(traces.get(0).syscalls()).containsExactly(6, 6, 63, 6, 42, 120, 6, 195);
    assertThat(traces.get(1).syscalls()).containsExactly(3, 4, 5);
    RuntimeEvent e = traces.get(1).events().get(0);
    assertThat(e.kind()).isEqualTo(EventKind.SYSCALL);
    assertThat(e.syscall()).isEqualTo("read"); // i386 number 3
    assertThat(e.syscallNr()).isEqualTo(3);
  }

  @Test
  void adfaNamesFileAndLineOfBadToken() throws Exception {
    Path dir = fixture("adfa/bad");
    assertThatThrownBy(() -> read("adfa-ld", dir))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("bad.txt:2: unexpected character 'x'");
  }

  @Test
  void adfaRejectsOutOfRangeNumbersAndMissingDirs(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("t.txt"), "1 2 99999999999\n");
    assertThatThrownBy(() -> read("adfa-ld", tmp))
        .hasMessageContaining("t.txt:1: system call number out of range");
    assertThatThrownBy(() -> read("adfa-ld", tmp.resolve("missing")))
        .hasMessageContaining("missing: no such directory");
  }

  @Test
  void adfaEnforcesPerTraceLimit(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("t.txt"), "1 2 3 4 5");
    SourceLimits tight = new SourceLimits(1 << 20, 1024, 10, 4, 100);
    assertThatThrownBy(() -> Sources.readAll(new SourceSpec("adfa-ld", tmp), tight))
        .hasMessageContaining("more than 4 calls in one trace");
  }

  @Test
  void straceSplitsProcessesAndJoinsUnfinishedCalls() throws Exception {
    List<Trace> traces = read("strace", fixture("strace/app.log"));
    assertThat(traces).extracting(Trace::id).containsExactly("app.log#4100", "app.log#4101");
    Trace parent = traces.get(0);
    assertThat(parent.events())
        .extracting(RuntimeEvent::syscall)
        .containsExactly("execve", "brk", "openat", "read", "clone", "wait4");
    assertThat(parent.syscalls()).containsExactly(59, 12, 257, 0, 56, 61);
    assertThat(parent.events().get(2).path()).isEqualTo("/etc/passwd");
    assertThat(parent.events().get(2).returnValue()).isEqualTo(3);
    assertThat(parent.events().get(1).process().exe()).isEqualTo("/bin/busybox");
    Trace child = traces.get(1);
    assertThat(child.events())
        .extracting(RuntimeEvent::kind)
        .containsExactly(
            EventKind.EXEC, EventKind.FILE_OPEN, EventKind.CONNECT, EventKind.EXIT, EventKind.EXIT);
    RuntimeEvent open = child.events().get(1);
    assertThat(open.path()).isEqualTo("/etc/shadow");
    assertThat(open.returnValue()).isEqualTo(-1);
    RuntimeEvent connect = child.events().get(2);
    assertThat(connect.peerAddress()).isEqualTo("10.0.0.9");
    assertThat(connect.peerPort()).isEqualTo(4444);
    assertThat(connect.timeNanos()).isEqualTo((10 * 3600 + 15 * 60 + 1) * 1_000_000_000L + 900_000);
    assertThat(child.syscalls()).containsExactly(59, 257, 42, 231);
  }

  @Test
  void straceReadsStderrFormatWithAndWithoutPid() throws Exception {
    List<Trace> traces = read("strace", fixture("strace/stderr.log"));
    assertThat(traces)
        .extracting(Trace::id)
        .containsExactly("stderr.log#0", "stderr.log#77", "stderr.log#78");
    RuntimeEvent bind = traces.get(2).events().get(0);
    assertThat(bind.kind()).isEqualTo(EventKind.BIND);
    assertThat(bind.peerAddress()).isEqualTo("::1");
    assertThat(bind.peerPort()).isEqualTo(8080);
  }

  @Test
  void straceNamesTheMalformedLine() throws Exception {
    Path log = fixture("strace/bad.log");
    assertThatThrownBy(() -> read("strace", log))
        .hasMessageContaining("bad.log:2: not an strace -tt line");
  }

  @Test
  void lidDsReadsBothFormatsAndExploitTime() throws Exception {
    List<Trace> traces = read("lid-ds", fixture("lidds/ok"));
    assertThat(traces).extracting(Trace::id).containsExactly("normal", "rec1");
    Trace normal = traces.get(0);
    assertThat(normal.exploitTimeNanos()).isEqualTo(-1);
    assertThat(normal.events()).extracting(RuntimeEvent::syscall).containsExactly("futex", "poll");
    assertThat(normal.events().get(1).tid()).isEqualTo(27150);
    Trace rec = traces.get(1);
    assertThat(rec.exploitTimeNanos()).isEqualTo(1_631_610_501_500_000_000L);
    assertThat(rec.events())
        .extracting(RuntimeEvent::syscall)
        .containsExactly("epoll_wait", "read", "openat", "execve");
    assertThat(rec.events().get(2).path()).isEqualTo("/etc/passwd");
    assertThat(rec.events().get(3).path()).isEqualTo("/bin/sh");
    assertThat(rec.events().get(3).kind()).isEqualTo(EventKind.EXEC);
    assertThat(rec.events().get(1).pid()).isEqualTo(3280);
    assertThat(rec.events().get(1).tid()).isEqualTo(3281);
    assertThat(rec.syscalls()).containsExactly(232, 0, 257, 59);
  }

  @Test
  void lidDsReadsZippedRecordings(@TempDir Path tmp) throws Exception {
    Path zip = tmp.resolve("rec1.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("rec1.sc"));
      out.write(Files.readAllBytes(fixture("lidds/ok/rec1.sc")));
      out.putNextEntry(new ZipEntry("rec1.json"));
      out.write(Files.readAllBytes(fixture("lidds/ok/rec1.json")));
    }
    List<Trace> traces = read("lid-ds", tmp);
    assertThat(traces)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.id()).isEqualTo("rec1");
              assertThat(t.length()).isEqualTo(4);
              assertThat(t.exploitTimeNanos()).isEqualTo(1_631_610_501_500_000_000L);
            });
  }

  @Test
  void lidDsNamesTheMalformedLine() throws Exception {
    Path dir = fixture("lidds/bad");
    assertThatThrownBy(() -> read("lid-ds", dir))
        .hasMessageContaining("broken.sc:2: not a LID-DS system call line");
  }

  @Test
  void falcoReadsFieldsPerProcess() throws Exception {
    List<Trace> traces = read("falco", fixture("falco/events.jsonl"));
    assertThat(traces)
        .extracting(Trace::id)
        .containsExactly("events.jsonl#812", "events.jsonl#813");
    RuntimeEvent open = traces.get(0).events().get(0);
    assertThat(open.kind()).isEqualTo(EventKind.FILE_OPEN);
    assertThat(open.path()).isEqualTo("/etc/shadow");
    assertThat(open.containerId()).isEqualTo("3ad7b26ded6d");
    assertThat(open.containerName()).isEqualTo("web");
    assertThat(open.process().argv()).containsExactly("cat", "/etc/shadow");
    assertThat(open.process().parentPid()).isEqualTo(800);
    assertThat(open.timeNanos()).isEqualTo(1714557600000000001L);
    assertThat(traces.get(0).events().get(1).kind()).isEqualTo(EventKind.EXEC);
    RuntimeEvent connect = traces.get(1).events().get(0);
    assertThat(connect.containerId()).isNull();
    assertThat(connect.peerAddress()).isEqualTo("10.9.8.7");
    assertThat(connect.peerPort()).isEqualTo(4444);
    assertThat(connect.timeNanos()).isEqualTo(1714557601_500_000_000L);
  }

  @Test
  void falcoNamesTheMalformedLine() throws Exception {
    Path f = fixture("falco/bad.jsonl");
    assertThatThrownBy(() -> read("falco", f)).hasMessageContaining("bad.jsonl:2: not JSON");
  }

  @Test
  void tetragonMapsExecConnectOpenAndRawSyscalls() throws Exception {
    List<Trace> traces = read("tetragon", fixture("tetragon/events.jsonl"));
    assertThat(traces)
        .extracting(Trace::id)
        .containsExactly("events.jsonl#52699", "events.jsonl#7");
    List<RuntimeEvent> curl = traces.get(0).events();
    assertThat(curl)
        .extracting(RuntimeEvent::kind)
        .containsExactly(
            EventKind.EXEC,
            EventKind.CONNECT,
            EventKind.FILE_OPEN,
            EventKind.SYSCALL,
            EventKind.EXIT);
    assertThat(curl.get(0).containerId()).isEqualTo("6a1b2c3d");
    assertThat(curl.get(0).containerName()).isEqualTo("web");
    assertThat(curl.get(0).process().parentExe()).isEqualTo("/bin/bash");
    assertThat(curl.get(1).peerAddress()).isEqualTo("10.0.0.5");
    assertThat(curl.get(1).peerPort()).isEqualTo(8080);
    assertThat(curl.get(2).path()).isEqualTo("/etc/ssl/certs/ca.pem");
    assertThat(curl.get(3).syscall()).isEqualTo("read");
    assertThat(traces.get(0).syscalls()).containsExactly(59, 42, 257, 0);
    assertThat(traces.get(1).events().get(0).containerId()).isEqualTo("9f8e7d6c5b4a3");
  }

  @Test
  void tetragonNamesTheMalformedLine() throws Exception {
    Path f = fixture("tetragon/bad.jsonl");
    assertThatThrownBy(() -> read("tetragon", f))
        .hasMessageContaining("bad.jsonl:1: time 'yesterday' is not an ISO-8601 instant");
  }

  @Test
  void overlongLinesAreRefused(@TempDir Path tmp) throws Exception {
    Path log = tmp.resolve("long.log");
    Files.writeString(log, "1 10:00:00.000001 getpid(" + "x".repeat(5000) + ") = 1\n");
    SourceLimits tight = new SourceLimits(1 << 20, 1024, 10, 100, 1000);
    assertThatThrownBy(() -> Sources.readAll(new SourceSpec("strace", log), tight))
        .hasMessageContaining("long.log:1: line longer than 1024 characters");
  }
}
