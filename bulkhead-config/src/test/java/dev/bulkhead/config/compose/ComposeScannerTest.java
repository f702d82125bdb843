package dev.bulkhead.config.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.spi.ConfigParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeScannerTest {
  private final ComposeScanner scanner = new ComposeScanner();

  @Test
  void pointsAtTheFieldAndNamesTheService() throws Exception {
    List<ConfigFinding> f =
        scanner.scan(
            "compose.yaml",
            "services:\n"
                + "  app:\n"
                + "    image: a:1\n"
                + "  agent:\n"
                + "    image: b:1\n"
                + "    privileged: true\n"
                + "    volumes: ['/var/run/docker.sock:/sock', 'data:/data']\n");
    assertThat(f)
        .extracting(x -> x.rule().id())
        .containsExactly("BH-COMPOSE-0001", "BH-COMPOSE-0004");
    ConfigFinding p = f.get(0);
    assertThat(p.resource().name()).isEqualTo("agent");
    assertThat(p.location().line()).isEqualTo(6);
    assertThat(p.location().column()).isEqualTo(5);
    assertThat(f.get(1).location().line()).isEqualTo(7);
    assertThat(f.get(1).location().column()).isEqualTo(15);
  }

  @Test
  void socketDirectoriesOfEveryEngineAreFlagged() throws Exception {
    List<ConfigFinding> f =
        scanner.scan(
            "compose.yaml",
            "services:\n"
                + "  a:\n"
                + "    image: a:1\n"
                + "    volumes:\n"
                + "      - /run/podman:/run/podman\n"
                + "      - /run/containerd/:/c\n"
                + "      - type: bind\n"
                + "        source: /run/user/1000/podman/podman.sock\n"
                + "        target: /s\n"
                + "      - /run/secrets-store:/x\n"
                + "      - ./data:/data\n");
    assertThat(f)
        .filteredOn(x -> x.rule().id().equals("BH-COMPOSE-0004"))
        .extracting(x -> x.location().line())
        .containsExactly(5, 6, 8);
  }

  @Test
  void mergeKeysReportTheAnchoredField() throws Exception {
    List<ConfigFinding> f =
        scanner.scan(
            "compose.yaml",
            "x-host: &host\n  network_mode: host\nservices:\n  a:\n    <<: [*host]\n    image: a:1\n");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.location().line()).isEqualTo(2));
  }

  @Test
  void acceptsComposeNamesAndSniffsOtherYaml() {
    assertThat(scanner.accepts("docker-compose.override.yml", "")).isTrue();
    assertThat(scanner.accepts("compose.yaml", "")).isTrue();
    assertThat(scanner.accepts("stack.yaml", "version: '3'\nservices:\n  a: {}\n")).isTrue();
    assertThat(scanner.accepts("deploy.yaml", "apiVersion: v1\nkind: Pod\n")).isFalse();
    assertThat(scanner.accepts("Dockerfile", "FROM a")).isFalse();
  }

  @Test
  void brokenYamlIsAParseErrorWithItsPosition() {
    assertThatThrownBy(() -> scanner.scan("compose.yaml", "services:\n  a:\n    image: [x\n"))
        .isInstanceOf(ConfigParseException.class)
        .satisfies(e -> assertThat(((ConfigParseException) e).location().line()).isPositive());
  }

  @Test
  void windowsDriveLettersAreNotTheSourceSeparator() {
    assertThat(ComposeScanner.shortSource("C:\\data:/data")).isEqualTo("C:\\data");
    assertThat(ComposeScanner.shortSource("named")).isNull();
    assertThat(ComposeScanner.shortSource("${SOCK:-/var/run/docker.sock}:/var/run/docker.sock:ro"))
        .isEqualTo("/var/run/docker.sock");
    assertThat(ComposeScanner.shortSource("${DATA}:/data")).isEqualTo("${DATA}");
  }

  @Test
  void nestingTooDeepForTheParserIsAParseErrorNotACrash() {
    String deep = "services:\n  a:\n    image: " + "[".repeat(200_000) + "]".repeat(200_000);
    assertThatThrownBy(() -> scanner.scan("docker-compose.yml", deep))
        .isInstanceOf(ConfigParseException.class)
        .hasMessageContaining("docker-compose.yml")
        .hasMessageContaining("nested too deeply");
  }
}
