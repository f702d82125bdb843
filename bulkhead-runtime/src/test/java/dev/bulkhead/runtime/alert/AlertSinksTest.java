package dev.bulkhead.runtime.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.profile.Category;
import dev.bulkhead.runtime.profile.Deviation;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertSinksTest {
  @TempDir Path dir;

  static Alert alert() {
    return new Alert(
        Alert.SCHEMA,
        "id-1",
        "2026-11-28T12:00:00Z",
        new Alert.ContainerRef("c0ffee", "web", "sha256:aa"),
        new Alert.ProcessRef(42, 42, "cat", "cat", List.of("cat", "/etc/shadow"), 41, "ping.cgi"),
        "monitor",
        1.25,
        new Alert.ModelPart(1.0, 0.8),
        null,
        List.of(
            new Deviation(
                Category.FILE, "cat", "r:/etc/shadow", 0, 1.0, "path never read while learning")),
        new Alert.EventRef("FILE_OPEN", "openat", "/etc/shadow", 0, null, -1),
        List.of("exec /proc/self/exe [cat, /etc/shadow]", "open r /etc/shadow"),
        null);
  }

  @Test
  void jsonLinesRoundTripOneLinePerAlert() throws Exception {
    Path file = dir.resolve("out/alerts.jsonl");
    try (JsonLinesAlertSink sink = JsonLinesAlertSink.toFile(file)) {
      sink.publish(alert());
      sink.publish(alert().withAction(new Alert.ActionRef("pause", "dry-run", "would pause")));
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(AlertJson.parse(lines.get(0))).isEqualTo(alert());
    assertThat(lines.get(0)).startsWith("{\"schema\":\"bulkhead.alert/v1\"").doesNotContain("\n");
    assertThat(AlertJson.parse(lines.get(1)).action().status()).isEqualTo("dry-run");

    StringWriter out = new StringWriter();
    JsonLinesAlertSink.toWriter(out).publish(alert());
    assertThat(out.toString()).endsWith("}\n").contains("\"name\":\"web\"");
  }

  @Test
  void webhookPostsEachAlertToARealServer() throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        ex -> {
          bodies.add(
              ex.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    server.createContext(
        "/broken",
        ex -> {
          ex.sendResponseHeaders(500, -1);
          ex.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      WebhookAlertSink ok = WebhookAlertSink.of(base + "/hook", Duration.ofSeconds(5));
      ok.publish(alert());
      ok.close();
      for (int i = 0; i < 50 && ok.delivered() < 1; i++) {
        TimeUnit.MILLISECONDS.sleep(50);
      }
      assertThat(ok.delivered()).isEqualTo(1);
      assertThat(bodies).singleElement().asString().startsWith("application/json {\"schema\"");
      WebhookAlertSink broken = WebhookAlertSink.of(base + "/broken", Duration.ofSeconds(5));
      broken.publish(alert());
      broken.close();
      for (int i = 0; i < 50 && broken.failures() < 1; i++) {
        TimeUnit.MILLISECONDS.sleep(50);
      }
      assertThat(broken.failures()).isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void webhookUrlsMustBeHttp() {
    assertThatThrownBy(() -> WebhookAlertSink.of("file:///etc/passwd", Duration.ofSeconds(1)))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("http://");
    assertThatThrownBy(() -> WebhookAlertSink.of("http//x y", Duration.ofSeconds(1)))
        .isInstanceOf(BulkheadException.class);
  }
}
