package dev.bulkhead.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.testing.PodmanService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Talks to a real podman API service started on a private socket. */
class EngineClientIT {
  @TempDir static Path tmp;
  static PodmanService service;
  static Path socket;

  @BeforeAll
  static void startPodman() throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    boolean have = Files.isExecutable(Path.of("/usr/bin/podman"));
    if (!have && ci) {
      throw new IllegalStateException("podman is missing (apt-get install -y podman)");
    }
    assumeTrue(have, "podman is not installed: apt-get install -y podman");
    service = PodmanService.start(tmp, null);
    socket = service.socket();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (service != null) {
      service.close();
    }
  }

  private static EngineClient client() throws BulkheadException {
    return EngineClient.connect("unix://" + socket.toAbsolutePath(), Duration.ofSeconds(10));
  }

  @Test
  void readsEngineInfoAndContainerList() throws Exception {
    EngineClient c = client();
    assertThat(c.getJson("/info").path("ServerVersion").asText()).isNotBlank();
    assertThat(c.getJson("/containers/json?all=true").isArray()).isTrue();
    assertThat(c.request("GET", "/_ping", null).text()).isEqualTo("OK");
  }

  @Test
  void engineErrorsCarryTheEnginesMessage() throws Exception {
    assertThatThrownBy(() -> client().post("/containers/bulkhead-no-such-container/pause"))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("no such container");
  }

  @Test
  void aMissingSocketIsAClearError() throws Exception {
    EngineClient c =
        EngineClient.connect("unix://" + tmp.resolve("absent.sock"), Duration.ofSeconds(2));
    assertThatThrownBy(() -> c.getJson("/info"))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("cannot talk to the container engine");
  }

  @Test
  void rejectsUnknownAddressSchemes() {
    assertThatThrownBy(() -> EngineClient.connect("ssh://host", Duration.ofSeconds(1)))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("unix://");
  }
}
