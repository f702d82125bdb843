package dev.bulkhead.config.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.spi.ConfigParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonJsonScannerTest {
  private final DaemonJsonScanner scanner = new DaemonJsonScanner();

  @Test
  void aHardenedDaemonHasNoFindings() throws Exception {
    assertThat(
            scanner.scan(
                "daemon.json",
                "{\"userns-remap\":\"default\",\"icc\":false,\"no-new-privileges\":true,"
                    + "\"live-restore\":true,\"hosts\":[\"fd://\"],"
                    + "\"insecure-registries\":[\"127.0.0.1:5000\"]}"))
        .isEmpty();
  }

  @Test
  void pointsAtTheElementThatIsWrong() throws Exception {
    List<ConfigFinding> f =
        scanner.scan(
            "/etc/docker/daemon.json",
            "{\n  \"userns-remap\": \"default\",\n  \"icc\": false,\n  \"no-new-privileges\": true,\n"
                + "  \"live-restore\": true,\n  \"hosts\": [\"unix:///run/docker.sock\",\n"
                + "            \"tcp://0.0.0.0:2375\"]\n}\n");
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.rule().id()).isEqualTo("BH-DAEMON-0005");
              assertThat(x.location().line()).isEqualTo(7);
              assertThat(x.location().column()).isEqualTo(13);
              assertThat(x.message()).contains("tcp://0.0.0.0:2375");
            });
  }

  @Test
  void missingSettingsAreReportedAtTheObject() throws Exception {
    List<ConfigFinding> f = scanner.scan("daemon.json", "\n  {}\n");
    assertThat(f).hasSize(4);
    assertThat(f).allSatisfy(x -> assertThat(x.location().line()).isEqualTo(2));
    assertThat(f).allSatisfy(x -> assertThat(x.location().column()).isEqualTo(3));
  }

  @Test
  void invalidJsonNamesTheFileAndLine() {
    assertThatThrownBy(() -> scanner.scan("daemon.json", "{\n  \"icc\": false,,\n}"))
        .isInstanceOf(ConfigParseException.class)
        .hasMessageContaining("daemon.json")
        .satisfies(e -> assertThat(((ConfigParseException) e).location().line()).isEqualTo(2));
  }

  @Test
  void acceptsDaemonFilesOnly() {
    assertThat(scanner.accepts("daemon.json", "")).isTrue();
    assertThat(scanner.accepts("Daemon.json", "")).isTrue();
    assertThat(scanner.accepts("docker-daemon.json", "")).isFalse();
    assertThat(
            scanner.accepts(
                "docker-daemon.json", "{\n  \"icc\": false,\n  \"live-restore\": true}"))
        .isTrue();
    assertThat(scanner.accepts("prod.json", "{\"userns-remap\" : \"default\"}")).isTrue();
    String fluentd =
        "{\"apiVersion\": \"apps/v1\", \"kind\": \"DaemonSet\",\n"
            + " \"metadata\": {\"name\": \"fluentd\"},\n"
            + " \"spec\": {\"template\": {\"spec\": {\"containers\": [{\"name\": \"f\","
            + " \"args\": [\"--log-driver\"], \"env\": [{\"name\": \"icc\", \"value\": \"1\"}]}]}}}}";
    assertThat(scanner.accepts("fluentd-daemon.json", fluentd)).isFalse();
    assertThat(scanner.accepts("-", fluentd)).isFalse();
    assertThat(scanner.accepts("daemon.yaml", "{\"icc\": false}")).isFalse();
    assertThat(scanner.accepts("package.json", "{\"name\":\"x\"}")).isFalse();
    assertThat(scanner.accepts("-", "{\"live-restore\": true}")).isTrue();
  }
}
