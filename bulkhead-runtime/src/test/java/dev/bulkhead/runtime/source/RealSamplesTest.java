package dev.bulkhead.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.event.EventKind;
import dev.bulkhead.runtime.event.RuntimeEvent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads output that Falco and Tetragon really produced (see {@code real-samples/README.md} for the
 * sources). The expected values were read off the sample files, not off the readers.
 */
class RealSamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path sample(String relative) throws URISyntaxException {
    return Paths.get(RealSamplesTest.class.getResource("/real-samples/" + relative).toURI());
  }

  private static List<Trace> read(String kind, Path path) throws BulkheadException {
    return Sources.readAll(SourceSpec.parse(kind + ":" + path));
  }

  private static long nanos(String iso) {
    Instant t = Instant.parse(iso);
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  // ---- Falco -------------------------------------------------------------------------------

  @Test
  void falcoRegressionOutputWithoutTypeOrPidIsOneUnnamedTrace() throws Exception {
    Path file = sample("falco/falco-test-cat-write.jsonl");
    List<Trace> traces = read("falco", file);
    // The rule prints neither proc.pid nor evt.type: all 8 alerts share trace #0.
    assertThat(traces).singleElement().extracting(Trace::id).isEqualTo(file.getFileName() + "#0");
    List<RuntimeEvent> events = traces.get(0).events();
    assertThat(events).hasSize(8);
    assertThat(traces.get(0).syscalls()).isEmpty();
    assertThat(events.get(0).timeNanos()).isEqualTo(1470327477881781397L);
    assertThat(events.get(7).timeNanos()).isEqualTo(1470327477882054739L);
    List<String> raw = lines(file);
    for (int i = 0; i < events.size(); i++) {
      RuntimeEvent e = events.get(i);
      // evt.time.iso8601 (nanoseconds) agrees with the alert's own ISO time on every line.
      assertThat(e.timeNanos()).isEqualTo(nanos(JSON.readTree(raw.get(i)).get("time").asText()));
      assertThat(e.kind()).isEqualTo(EventKind.SYSCALL);
      assertThat(e.syscall()).isNull();
      assertThat(e.syscallNr()).isEqualTo(-1);
      assertThat(e.pid()).isZero();
      assertThat(e.containerId()).isNull();
      assertThat(e.process().argv()).containsExactly("cat", "/dev/null");
      assertThat(e.process().exe()).isNull();
    }
  }

  @Test
  void falcoDaemonsetAlertKeepsContainerAndProcess() throws Exception {
    Path file = sample("falco/falco-k8s-daemonset-readme.jsonl");
    List<Trace> traces = read("falco", file);
    assertThat(traces).singleElement().extracting(Trace::id).isEqualTo(file.getFileName() + "#0");
    RuntimeEvent e = traces.get(0).events().get(0);
    assertThat(e.timeNanos()).isEqualTo(1513792138590038385L);
    assertThat(e.timeNanos()).isEqualTo(nanos("2017-12-20T17:48:58.590038385Z"));
    assertThat(e.containerId()).isEqualTo("a98c2aa8e670");
    assertThat(e.containerName()).isNull();
    assertThat(e.process().comm()).isEqualTo("bash");
    assertThat(e.process().argv()).containsExactly("bash"); // "bash " with its trailing space
    assertThat(e.process().parentExe()).isNull(); // proc.pname is JSON null
    assertThat(e.process().parentPid()).isEqualTo(-1);
    assertThat(e.kind()).isEqualTo(EventKind.SYSCALL); // no evt.type and no file in the alert
    assertThat(e.syscallNr()).isEqualTo(-1);
  }

  @Test
  void falcoNamesTheLineOfARealAlertThatLostItsFields(@TempDir Path tmp) throws Exception {
    List<String> raw = new ArrayList<>(lines(sample("falco/falco-test-cat-write.jsonl")));
    ObjectNode second = (ObjectNode) JSON.readTree(raw.get(1));
    second.remove("output_fields");
    raw.set(1, JSON.writeValueAsString(second));
    raw.set(4, raw.get(4).substring(0, 120));
    Path broken = tmp.resolve("alerts.jsonl");
    Files.write(broken, raw.subList(0, 3), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read("falco", broken))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining(broken + ":2: no output_fields object");
    Files.write(broken, List.of(raw.get(0), raw.get(2), raw.get(3), raw.get(4)));
    assertThatThrownBy(() -> read("falco", broken)).hasMessageContaining(broken + ":4: not JSON");
  }

  // ---- Tetragon ----------------------------------------------------------------------------

  @Test
  void tetragonTestdataExecsOnePerProcessWithTimeFallback() throws Exception {
    Path file = sample("tetragon/testdata-events.jsonl");
    List<Trace> traces = read("tetragon", file);
    String name = file.getFileName().toString();
    assertThat(traces)
        .extracting(Trace::id)
        .containsExactly(name + "#68790", name + "#68862", name + "#68920");
    RuntimeEvent netserver = traces.get(0).events().get(0);
    // The first line has no "time": the exec's process.start_time stands in.
    assertThat(netserver.timeNanos()).isEqualTo(nanos("2022-10-18T03:16:18.273546829Z"));
    assertThat(netserver.kind()).isEqualTo(EventKind.EXEC);
    assertThat(netserver.syscall()).isEqualTo("execve");
    assertThat(netserver.syscallNr()).isEqualTo(59);
    assertThat(netserver.path()).isEqualTo("/usr/bin/netserver");
    assertThat(netserver.process().comm()).isEqualTo("netserver");
    assertThat(netserver.process().argv()).containsExactly("-D");
    assertThat(netserver.process().parentPid()).isEqualTo(68598);
    assertThat(netserver.process().parentExe()).isEqualTo("/usr/bin/containerd-shim-runc-v2");
    assertThat(netserver.containerId())
        .isEqualTo("19a02291e106ce6227b684197be232ea57c4e1a5ab2604a12608c325d701c7f4");
    assertThat(netserver.containerName()).isEqualTo("spaceship");
    RuntimeEvent deathstar = traces.get(1).events().get(0);
    // With a "time" the line's own time wins over start_time (...21.373328662Z).
    assertThat(deathstar.timeNanos()).isEqualTo(nanos("2022-10-18T03:16:21.373327754Z"));
    assertThat(deathstar.path()).isEqualTo("/starwars-docker");
    assertThat(deathstar.process().comm()).isEqualTo("starwars-docker");
    assertThat(deathstar.process().argv()).containsExactly("--port", "80", "--host", "0.0.0.0");
    assertThat(deathstar.containerId())
        .isEqualTo("16ecce28d6808e01f6b91f990b07616c0fc8dff67036231f9911191c7ff3d1cd");
    assertThat(deathstar.containerName()).isEqualTo("deathstar");
    assertThat(traces.get(2).events().get(0).containerId())
        .isEqualTo("2405407a0f206e11c6d30d0bc48e873a80c461e0c668f71ca0f6b026781e9edc");
    assertThat(traces).allSatisfy(t -> assertThat(t.syscalls()).containsExactly(59));
  }

  @Test
  void tetragonLifecycleOfCatAndNc() throws Exception {
    Path file = sample("tetragon/elasticsearch-lifecycle.jsonl");
    List<Trace> traces = read("tetragon", file);
    String name = file.getFileName().toString();
    assertThat(traces).extracting(Trace::id).containsExactly(name + "#38313", name + "#38314");

    List<RuntimeEvent> cat = traces.get(0).events();
    assertThat(cat)
        .extracting(RuntimeEvent::kind)
        .containsExactly(EventKind.EXEC, EventKind.SYSCALL, EventKind.EXIT);
    assertThat(traces.get(0).syscalls()).containsExactly(59, 0); // execve, read
    assertThat(cat.get(0).path()).isEqualTo("/usr/bin/cat");
    assertThat(cat.get(0).process().argv())
        .containsExactly("/usr/share/elasticsearch/config/elasticsearch.keystore");
    assertThat(cat.get(1).syscall()).isEqualTo("read"); // kprobe __x64_sys_read
    assertThat(cat.get(1).timeNanos()).isEqualTo(nanos("2022-02-01T18:01:56.410Z"));
    assertThat(cat.get(2).timeNanos()).isEqualTo(nanos("2022-02-01T18:01:56.411Z"));
    for (RuntimeEvent e : cat) {
      assertThat(e.pid()).isEqualTo(38313);
      assertThat(e.process().parentPid()).isEqualTo(38312);
      assertThat(e.process().parentExe()).isEqualTo("/usr/bin/sh");
      assertThat(e.containerId())
          .isEqualTo("e6af4dff4ea3b8d50313c59fbaa442e377da35671e79f43b8dc53c5efcc9b659");
      assertThat(e.containerName()).isEqualTo("elasticsearch");
    }

    List<RuntimeEvent> nc = traces.get(1).events();
    // process_connect, then process_close (not modelled, skipped), then process_exit.
    assertThat(nc)
        .extracting(RuntimeEvent::kind)
        .containsExactly(EventKind.CONNECT, EventKind.EXIT);
    RuntimeEvent connect = nc.get(0);
    assertThat(connect.peerAddress()).isEqualTo("64.225.45.153");
    assertThat(connect.peerPort()).isEqualTo(443);
    assertThat(connect.syscall()).isEqualTo("connect");
    assertThat(connect.timeNanos()).isEqualTo(nanos("2022-02-01T18:01:56.419Z"));
    assertThat(connect.process().exe()).isEqualTo("/usr/bin/nc");
    assertThat(connect.process().argv())
        .containsExactly("raiz3gjkgtfhkkc.not-reverse-shell.com", "443");
    assertThat(nc.get(1).timeNanos()).isEqualTo(nanos("2022-02-01T18:01:57.725Z"));
    assertThat(traces.get(1).syscalls()).containsExactly(42);
  }

  @Test
  void tetragonListenIsABind() throws Exception {
    List<Trace> traces = read("tetragon", sample("tetragon/coreapi-listen.jsonl"));
    RuntimeEvent bind = traces.get(0).events().get(0);
    assertThat(traces.get(0).id()).endsWith("#115007");
    assertThat(bind.kind()).isEqualTo(EventKind.BIND);
    assertThat(bind.peerAddress()).isEqualTo("0.0.0.0");
    assertThat(bind.peerPort()).isEqualTo(9080);
    assertThat(bind.process().exe()).isEqualTo("/usr/local/bin/python");
    assertThat(bind.process().parentExe()).isEqualTo("/bin/sh");
    assertThat(bind.containerName()).isEqualTo("coreapi");
  }

  @Test
  void tetragonDirectoryReadsEveryExportAndSkipsNotes() throws Exception {
    Path dir = sample("tetragon");
    assertThat(Files.exists(dir.resolve("README.md"))).isTrue();
    List<Trace> traces = read("tetragon", dir);
    assertThat(traces).hasSize(6);
    assertThat(traces.stream().mapToInt(t -> t.events().size()).sum()).isEqualTo(9);
  }

  @Test
  void tetragonGrpcJsonNamesGiveTheSameEvents(@TempDir Path tmp) throws Exception {
    for (String name :
        List.of("testdata-events.jsonl", "elasticsearch-lifecycle.jsonl", "coreapi-listen.jsonl")) {
      Path file = sample("tetragon/" + name);
      List<String> camel = new ArrayList<>();
      for (String line : lines(file)) {
        camel.add(JSON.writeValueAsString(camelCase(JSON.readTree(line))));
      }
      Path copy = tmp.resolve(name);
      Files.write(copy, camel, StandardCharsets.UTF_8);
      assertThat(String.join("\n", camel)).contains("\"execId\"").doesNotContain("exec_id");
      List<Trace> expected = read("tetragon", file);
      List<Trace> actual = read("tetragon", copy);
      assertThat(actual).extracting(Trace::id).isEqualTo(expected.stream().map(Trace::id).toList());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i).events()).isEqualTo(expected.get(i).events());
      }
    }
  }

  @Test
  void tetragonNamesTheLineOfARealEventItCannotUse(@TempDir Path tmp) throws Exception {
    List<String> raw = lines(sample("tetragon/elasticsearch-lifecycle.jsonl"));
    Path broken = tmp.resolve("export.log");

    ObjectNode exit = (ObjectNode) JSON.readTree(raw.get(2));
    exit.remove("time");
    Files.write(broken, List.of(raw.get(0), raw.get(1), JSON.writeValueAsString(exit)));
    assertThatThrownBy(() -> read("tetragon", broken))
        .hasMessageContaining(broken + ":3: process_exit has no time");

    ObjectNode kprobe = (ObjectNode) JSON.readTree(raw.get(1));
    ((ObjectNode) kprobe.get("process_kprobe")).remove("process");
    Files.write(broken, List.of(raw.get(0), JSON.writeValueAsString(kprobe)));
    assertThatThrownBy(() -> read("tetragon", broken))
        .hasMessageContaining(broken + ":2: process_kprobe has no process object");

    Files.write(broken, List.of(raw.get(0), raw.get(3).substring(0, raw.get(3).length() / 2)));
    assertThatThrownBy(() -> read("tetragon", broken))
        .hasMessageContaining(broken + ":2: not JSON");
  }

  /** Renames every object field to its protobuf JSON name (lowerCamelCase), as gRPC JSON does. */
  private static JsonNode camelCase(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        out.set(camel(f.getKey()), camelCase(f.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      node.forEach(n -> out.add(camelCase(n)));
      return out;
    }
    return node;
  }

  private static String camel(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }
}
