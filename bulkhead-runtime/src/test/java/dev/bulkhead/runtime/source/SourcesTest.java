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
  void falcoReadsNewerFieldsAndSkipsOtherSources(@TempDir Path tmp) throws Exception {
    // Hand-written in the shape of Falco 0.38+ alerts (field names from falco.org's field list).
    Path f = tmp.resolve("alerts.jsonl");
    Files.writeString(
        f,
        String.join(
            "\n",
            "{\"output\":\"x\",\"rule\":\"Drop and execute new binary in container\",\"source\":"
                + "\"syscall\",\"time\":\"2024-06-01T10:00:00.5Z\",\"output_fields\":{"
                + "\"container.id\":\"0fdb3cd5b5fc\",\"evt.arg.flags\":\"EXE_WRITABLE|EXE_UPPER_LAYER\","
                + "\"evt.time.iso8601\":1717236000500000000,\"evt.type\":\"execve\","
                + "\"proc.cmdline\":\"sleep 10000\",\"proc.exepath\":\"/tmp/sleep\","
                + "\"proc.name\":\"sleep\",\"proc.pid\":4242,\"k8s.ns.name\":null}}",
            "{\"output\":\"x\",\"rule\":\"Write below etc\",\"source\":\"syscall\","
                + "\"time\":\"2024-06-01T10:00:01Z\",\"output_fields\":{\"evt.type\":\"openat\","
                + "\"evt.arg.flags\":\"O_WRONLY|O_CREAT|O_TRUNC\",\"fd.name\":\"/etc/cron.d/x\","
                + "\"proc.pid\":4242,\"evt.time\":1717236001000000000}}",
            "{\"output\":\"x\",\"rule\":\"Create Privileged Pod\",\"source\":\"k8s_audit\","
                + "\"time\":\"2024-06-01T10:00:02Z\",\"output_fields\":{\"ka.user.name\":\"bob\"}}",
            "{\"output\":\"x\",\"rule\":\"Read sensitive file untrusted\","
                + "\"time\":\"2024-06-01T10:00:03Z\",\"output_fields\":{\"fd.name\":\"/etc/shadow\","
                + "\"proc.pid\":4242}}"));
    List<RuntimeEvent> events = read("falco", f).get(0).events();
    assertThat(events)
        .extracting(RuntimeEvent::kind)
        .containsExactly(EventKind.EXEC, EventKind.FILE_OPEN, EventKind.FILE_OPEN);
    RuntimeEvent exec = events.get(0);
    assertThat(exec.timeNanos()).isEqualTo(1717236000500000000L);
    assertThat(exec.path()).isEqualTo("/tmp/sleep");
    assertThat(exec.flags()).isEqualTo(-1); // EXE_* flags are not open flags
    assertThat(exec.containerId()).isEqualTo("0fdb3cd5b5fc");
    assertThat(events.get(1).flags()).isEqualTo(0x1 | 0x40 | 0x200);
    assertThat(events.get(1).syscallNr()).isEqualTo(257);
    RuntimeEvent untyped = events.get(2);
    assertThat(untyped.path()).isEqualTo("/etc/shadow");
    assertThat(untyped.syscall()).isNull();
    assertThat(untyped.syscallNr()).isEqualTo(-1);
    assertThat(untyped.timeNanos()).isEqualTo(1717236003000000000L);
  }

  @Test
  void lidDsTakesPathsReturnsAndPeersFromExitLines(@TempDir Path tmp) throws Exception {
    // Hand-written in the LID-DS 2021 layout; as in sysdig output, openat's entry has no arguments.
    Path sc = tmp.resolve("rec.sc");
    Files.writeString(
        sc,
        String.join(
            "\n",
            "1700000000000000100 0 2000 nginx 2001 openat > ",
            "1700000000000000200 0 2000 nginx 2001 openat < fd=7(<f>/usr/share/nginx/html/index.html)"
                + " dirfd=-100(AT_FDCWD) name=/usr/share/nginx/html/index.html"
                + " flags=4097(O_RDONLY|O_CLOEXEC) mode=0 dev=803",
            "1700000000000000300 0 2000 nginx 2001 openat > ",
            "1700000000000000400 0 2000 nginx 2001 openat < fd=-2(ENOENT) dirfd=-100(AT_FDCWD)"
                + " name=conf/missing(/etc/nginx/conf/missing) flags=1(O_RDONLY) mode=0 dev=803",
            "1700000000000000500 0 2000 nginx 2002 connect > fd=8(<4>)",
            "1700000000000000600 0 2000 nginx 2002 connect < res=0"
                + " tuple=172.17.0.3:45678->10.0.0.7:5432",
            "1700000000000000700 0 2000 nginx 2001 accept4 > flags=0",
            "1700000000000000800 0 2000 nginx 2001 accept4 < fd=9(<4t>172.17.0.1:36788->172.17.0.3:80)"
                + " tuple=172.17.0.1:36788->172.17.0.3:80 queuepct=0 queuelen=0 queuemax=511",
            "1700000000000000900 33 2100 php-fpm: pool w 2100 write > fd=1 size=5",
            "1700000000000001000 33 2100 php-fpm: pool w 2100 write < res=5 data=hello",
            "1700000000000001100 0 2000 nginx 2003 read < res=10 data=orphan",
            "1700000000000001200 0 2004 nginx 2004 execve > filename=/bin/sh",
            "1700000000000001300 0 2004 sh 2004 execve < res=0 exe=sh args=-c.id. tid=2004 pid=2004",
            "1700000000000001400 0 2004 sh 2004 openat > ",
            "1700000000000001500 0 2004 sh 2004 openat < fd=3(<f>/etc/passwd) name=/etc/passwd"
                + " flags=1(O_RDONLY) mode=0 dev=803",
            "1700000000000001600 0 2005 nginx 2005 clone > ",
            "1700000000000001700 0 2005 id 2005 close > fd=3"));
    Trace t = read("lid-ds", sc).get(0);
    assertThat(t.syscalls()).containsExactly(257, 257, 42, 288, 1, 59, 257, 56, 3);
    List<RuntimeEvent> e = t.events();
    assertThat(e.get(0).path()).isEqualTo("/usr/share/nginx/html/index.html");
    assertThat(e.get(0).returnValue()).isEqualTo(7);
    assertThat(e.get(0).flags()).isEqualTo(0x80000); // O_RDONLY|O_CLOEXEC, not sysdig's 4097
    assertThat(e.get(1).path()).isEqualTo("/etc/nginx/conf/missing");
    assertThat(e.get(1).returnValue()).isEqualTo(-2);
    assertThat(e.get(2).peerAddress()).isEqualTo("10.0.0.7");
    assertThat(e.get(2).peerPort()).isEqualTo(5432);
    assertThat(e.get(2).returnValue()).isZero();
    assertThat(e.get(3).kind()).isEqualTo(EventKind.ACCEPT);
    assertThat(e.get(3).peerAddress()).isEqualTo("172.17.0.1");
    assertThat(e.get(3).peerPort()).isEqualTo(36788);
    assertThat(e.get(3).returnValue()).isEqualTo(9);
    assertThat(e.get(4).process().comm()).isEqualTo("php-fpm: pool w");
    assertThat(e.get(4).pid()).isEqualTo(2100);
    assertThat(e.get(4).returnValue()).isEqualTo(5);
    assertThat(e.get(4).timeNanos()).isEqualTo(1700000000000000900L);
    // The exec's entry still shows the forked nginx; after it the process runs /bin/sh.
    assertThat(e.get(5).process().comm()).isEqualTo("nginx");
    assertThat(e.get(5).returnValue()).isZero();
    assertThat(e.get(6).process().comm()).isEqualTo("sh");
    assertThat(e.get(6).process().exe()).isEqualTo("/bin/sh");
    assertThat(e.get(6).path()).isEqualTo("/etc/passwd");
    // A name change without a recorded exec still renames the process.
    assertThat(e.get(8).process().comm()).isEqualTo("id");
    assertThat(e.get(7).process().comm()).isEqualTo("nginx");
  }

  @Test
  void lidDs2019TakesExploitTimeFromRunsCsv(@TempDir Path tmp) throws Exception {
    // LID-DS 2019 layout: SCENARIO/NAME.txt beside SCENARIO/runs.csv, no per-recording JSON.
    Files.writeString(
        tmp.resolve("runs.csv"),
        "image_name, scenario_name, is_executing_exploit, warmup_time, recording_time,"
            + " exploit_start_time\n"
            + "victim:latest, calm_run_1, False, 10, 45, -1\n"
            + "victim:latest, loud_run_2, True, 10, 40, 25\n"
            + "victim:latest, bad_run_3, True, 10, 40, soon\n");
    String line = " 09:00:05.250000000 1 33 apache2 300 > read fd=4\n";
    Files.writeString(tmp.resolve("calm_run_1.txt"), "1" + line);
    Files.writeString(
        tmp.resolve("loud_run_2.txt"), "1" + line + "2 09:00:06.0 1 33 sh 301 > execve\n");
    List<Trace> traces = read("lid-ds", tmp.resolve("calm_run_1.txt"));
    assertThat(traces.get(0).exploitTimeNanos()).isEqualTo(-1);
    Trace loud = read("lid-ds", tmp.resolve("loud_run_2.txt")).get(0);
    long first = (9 * 3600 + 5) * 1_000_000_000L + 250_000_000L;
    assertThat(loud.events().get(0).timeNanos()).isEqualTo(first);
    assertThat(loud.exploitTimeNanos()).isEqualTo(first + 25_000_000_000L);
    Files.writeString(tmp.resolve("bad_run_3.txt"), "1" + line);
    assertThatThrownBy(() -> read("lid-ds", tmp.resolve("bad_run_3.txt")))
        .hasMessageContaining("runs.csv:4: exploit_start_time 'soon'");
  }

  @Test
  void lidDsNamesALineWithoutDirection(@TempDir Path tmp) throws Exception {
    Path sc = tmp.resolve("rec.sc");
    Files.writeString(
        sc,
        "1700000000000000100 0 2000 nginx 2001 openat >\n1700000000000000200 0 2000 nginx x y z\n");
    assertThatThrownBy(() -> read("lid-ds", sc))
        .hasMessageContaining("rec.sc:2: not a LID-DS system call line: no > or < direction");
  }

  @Test
  void tetragonReadsSyscallIdTracepointsAndFilePermission(@TempDir Path tmp) throws Exception {
    // Hand-written in the shape of Tetragon 1.x events (KprobeArgument.syscall_id, return).
    String proc = "\"process\":{\"pid\":7,\"binary\":\"/bin/busybox\"}";
    Path f = tmp.resolve("tetragon.log");
    Files.writeString(
        f,
        String.join(
            "\n",
            "{\"process_tracepoint\":{"
                + proc
                + ",\"subsys\":\"raw_syscalls\",\"event\":"
                + "\"sys_enter\",\"args\":[{\"syscall_id\":{\"id\":101,\"abi\":\"x64\"}}]},"
                + "\"time\":\"2024-01-01T00:00:00Z\"}",
            "{\"process_tracepoint\":{"
                + proc
                + ",\"subsys\":\"raw_syscalls\",\"event\":"
                + "\"sys_enter\",\"args\":[{\"syscall_id\":{\"id\":11,\"abi\":\"i386\"}}]},"
                + "\"time\":\"2024-01-01T00:00:01Z\"}",
            // A number this build's table has no name for keeps its raw number, as live.
            "{\"process_tracepoint\":{"
                + proc
                + ",\"subsys\":\"raw_syscalls\",\"event\":"
                + "\"sys_enter\",\"args\":[{\"syscall_id\":{\"id\":499,\"abi\":\"x64\"}}]},"
                + "\"time\":\"2024-01-01T00:00:01.5Z\"}",
            "{\"process_tracepoint\":{"
                + proc
                + ",\"subsys\":\"raw_syscalls\",\"event\":"
                + "\"sys_exit\",\"args\":[{\"long_arg\":\"0\"}]},\"time\":\"2024-01-01T00:00:02Z\"}",
            "{\"process_kprobe\":{"
                + proc
                + ",\"function_name\":\"security_file_permission\","
                + "\"args\":[{\"file_arg\":{\"path\":\"/etc/shadow\"}},{\"int_arg\":2}],"
                + "\"return\":{\"int_arg\":-13}},\"time\":\"2024-01-01T00:00:03Z\"}",
            "{\"process_kprobe\":{"
                + proc
                + ",\"function_name\":\"security_file_permission\","
                + "\"args\":[{\"file_arg\":{\"path\":\"/etc/hosts\"}},{\"int_arg\":4}]},"
                + "\"time\":\"2024-01-01T00:00:04Z\"}"));
    List<RuntimeEvent> e = read("tetragon", f).get(0).events();
    assertThat(e)
        .extracting(RuntimeEvent::syscall)
        .containsExactly("ptrace", "execve", "sys_499", "openat", "openat");
    assertThat(e).extracting(RuntimeEvent::syscallNr).containsExactly(101, 59, 499, 257, 257);
    assertThat(e.get(1).kind()).isEqualTo(EventKind.EXEC);
    assertThat(e.get(3).path()).isEqualTo("/etc/shadow");
    assertThat(e.get(3).flags()).isEqualTo(1); // MAY_WRITE: opened for writing
    assertThat(e.get(3).returnValue()).isEqualTo(-13);
    assertThat(e.get(4).flags()).isZero(); // MAY_READ
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
