package dev.bulkhead.runtime.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseChainTest {
  @TempDir Path dir;

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  private static ActionRequest req(String container) {
    return new ActionRequest(container, "name-" + container, ResponseAction.PAUSE, "a1", "why");
  }

  @Test
  void dryRunAnswersWithoutActingAndEveryRequestIsAudited() throws Exception {
    List<ActionRequest> acted = new ArrayList<>();
    MovableClock clock = new MovableClock();
    Path auditFile = dir.resolve("audit.jsonl");
    try (AuditLog audit = AuditLog.open(auditFile, clock)) {
      Responder dry =
          ResponseLink.chain(
              List.of(
                  audit,
                  new RateLimitLink(2, Duration.ofMinutes(10), clock),
                  new DryRunLink(false)),
              r -> {
                acted.add(r);
                return ActionOutcome.executed("done");
              });
      ActionOutcome o = dry.respond(req("c1"));
      assertThat(o.status()).isEqualTo("dry-run");
      assertThat(o.message()).contains("would pause container name-c1");
      assertThat(dry.respond(req("c1")).status()).isEqualTo("skipped");
    }
    assertThat(acted).isEmpty();
    List<String> lines = Files.readAllLines(auditFile);
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.path("status").asText()).isEqualTo("dry-run");
    assertThat(first.path("containerId").asText()).isEqualTo("c1");
    assertThat(first.path("action").asText()).isEqualTo("pause");
    assertThat(first.path("alertId").asText()).isEqualTo("a1");
    assertThat(first.path("time").asText()).isEqualTo("2023-11-14T22:13:20Z");
  }

  @Test
  void enforcingActsOncePerContainerAndLimitsTheTotal() {
    List<String> acted = new ArrayList<>();
    MovableClock clock = new MovableClock();
    Responder r =
        ResponseLink.chain(
            List.of(new RateLimitLink(2, Duration.ofMinutes(10), clock), new DryRunLink(true)),
            q -> {
              acted.add(q.containerId());
              return ActionOutcome.executed("done");
            });
    assertThat(r.respond(req("a")).status()).isEqualTo("executed");
    assertThat(r.respond(req("a")).status()).isEqualTo("skipped");
    assertThat(r.respond(req("b")).status()).isEqualTo("executed");
    assertThat(r.respond(req("c")).status()).isEqualTo("rate-limited");
    clock.millis.addAndGet(Duration.ofMinutes(11).toMillis());
    assertThat(r.respond(req("c")).status()).isEqualTo("executed");
    assertThat(acted).containsExactly("a", "b", "c");
  }

  @Test
  void engineResponderRefusesMalformedIds() {
    ActionOutcome o =
        new EngineResponder(null)
            .respond(new ActionRequest("../../containers/x", "x", ResponseAction.STOP, "a", "r"));
    assertThat(o.status()).isEqualTo("failed");
    assertThat(o.message()).contains("malformed container id");
  }
}
