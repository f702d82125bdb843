package dev.bulkhead.config.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.config.k8s.KubernetesScanner;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.spi.ConfigScanner;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigEngineTest {
  static final String PRIVILEGED =
      String.join(
          "\n",
          "apiVersion: v1",
          "kind: Pod",
          "metadata:",
          "  name: p",
          "  namespace: team",
          "spec:",
          "  containers:",
          "    - name: app",
          "      image: nginx:1.27",
          "      securityContext:",
          "        privileged: true",
          "");

  private static ConfigEngine.Builder engine() {
    return ConfigEngine.builder()
        .scanners(
            List.of(
                new KubernetesScanner(
                    KubernetesScanner.Mode.PSS_BASELINE,
                    dev.bulkhead.config.k8s.PssVersion.LATEST,
                    List.of())));
  }

  private static Set<String> ids(List<ConfigFinding> findings) {
    return findings.stream().map(f -> f.rule().id()).collect(Collectors.toSet());
  }

  @Test
  void aMalformedFileBecomesAWarningWithItsPositionAndTheOthersAreScanned(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("a-broken.yaml"), "apiVersion: v1\nkind: Pod\nspec: [1, 2\n");
    Files.writeString(dir.resolve("b-pod.yaml"), PRIVILEGED);
    Files.writeString(dir.resolve("notes.txt"), "apiVersion kind privileged: true");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/pod.yaml"), PRIVILEGED);

    ConfigReport report = engine().build().scan(List.of(dir.toString()));

    assertThat(report.warnings()).hasSize(1);
    ConfigWarning w = report.warnings().get(0);
    assertThat(w.location().file()).endsWith("a-broken.yaml");
    assertThat(w.location().line()).isGreaterThanOrEqualTo(3);
    assertThat(w.message()).contains("a-broken.yaml").contains("invalid YAML");
    assertThat(report.files()).isEqualTo(2);
    assertThat(report.active()).hasSize(1);
    ConfigFinding f = report.active().get(0);
    assertThat(f.rule().id()).isEqualTo("BH-K8S-0003");
    assertThat(f.location().file()).endsWith("b-pod.yaml");
    assertThat(f.location().line()).isEqualTo(11);
    assertThat(f.location().column()).isEqualTo(9);
    assertThat(f.resource().kind()).isEqualTo("Pod");
    assertThat(f.resource().namespace()).isEqualTo("team");
  }

  @Test
  void aDaemonSetManifestNamedLikeADaemonConfigIsOnlyKubernetes(@TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("fluentd-daemon.json"),
        "{\"apiVersion\": \"apps/v1\", \"kind\": \"DaemonSet\",\n"
            + " \"metadata\": {\"name\": \"fluentd\", \"namespace\": \"logging\"},\n"
            + " \"spec\": {\"template\": {\"spec\": {\"hostNetwork\": true,\n"
            + "   \"containers\": [{\"name\": \"f\", \"image\": \"fluentd:1.16\","
            + " \"args\": [\"--log-driver\", \"icc\"]}]}}}}\n");
    Files.writeString(dir.resolve("daemon.json"), "{\"icc\": true}\n");
    ConfigReport report =
        ConfigEngine.builder()
            .scanners(ConfigEngine.discoverScanners())
            .build()
            .scan(List.of(dir.toString()));
    assertThat(report.findings())
        .filteredOn(f -> f.location().file().endsWith("fluentd-daemon.json"))
        .extracting(f -> f.rule().id())
        .contains("BH-K8S-0002")
        .noneMatch(id -> id.startsWith("BH-DAEMON-"));
    assertThat(report.findings())
        .filteredOn(
            f -> Path.of(f.location().file()).getFileName().toString().equals("daemon.json"))
        .extracting(f -> f.rule().id())
        .contains("BH-DAEMON-0002");
  }

  @Test
  void readsMultiDocumentFilesListKindsAndStandardInput() throws Exception {
    String list =
        "apiVersion: v1\nkind: List\nitems:\n"
            + "  - apiVersion: apps/v1\n    kind: DaemonSet\n    metadata: {name: ds}\n"
            + "    spec:\n      template:\n        spec:\n          hostNetwork: true\n"
            + "          containers: [{name: a, image: 'x:1'}]\n";
    String yaml = PRIVILEGED + "---\n" + list;
    ConfigReport report =
        engine()
            .stdin(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
            .build()
            .scan(List.of("-"));
    assertThat(report.resources()).hasSize(2);
    assertThat(ids(report.active())).containsExactlyInAnyOrder("BH-K8S-0002", "BH-K8S-0003");
    ConfigFinding hostNetwork =
        report.active().stream().filter(f -> f.rule().id().equals("BH-K8S-0002")).findFirst().get();
    assertThat(hostNetwork.location())
        .isEqualTo(new dev.bulkhead.config.model.Location("-", 22, 11));
    assertThat(hostNetwork.resource().kind()).isEqualTo("DaemonSet");
  }

  @Test
  void suppressesByAnnotationIgnoreFileAndConfigFileAndKeepsThemAsSuppressed(@TempDir Path dir)
      throws Exception {
    String annotated =
        PRIVILEGED.replace(
            "  namespace: team\n",
            "  namespace: team\n  annotations:\n    bulkhead.dev/ignore: \"BH-K8S-0003 debug pod\"\n");
    Files.writeString(dir.resolve("annotated.yaml"), annotated);
    Files.writeString(
        dir.resolve("hostpid.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec:\n  hostPID: true\n"
            + "  containers: [{name: a, image: 'x:1', ports: [{containerPort: 1, hostPort: 1}]}]\n");
    Path ignore =
        Files.writeString(
            dir.resolve("ignore"), "# reason: node exporter\nBH-K8S-0002 file=hostpid.yaml\n");
    Path config =
        Files.writeString(
            dir.resolve("config.yaml"), "disable: [BH-K8S-0006]\nseverity:\n  BH-K8S-0003: LOW\n");
    ConfigScanner k8s = new KubernetesScanner();
    Set<String> known = k8s.rules().stream().map(r -> r.id()).collect(Collectors.toSet());
    ConfigReport report =
        engine()
            .ignore(IgnoreFile.read(ignore))
            .config(ConfigFile.read(config, known))
            .build()
            .scan(
                List.of(
                    dir.resolve("annotated.yaml").toString(),
                    dir.resolve("hostpid.yaml").toString()));
    assertThat(report.active()).isEmpty();
    assertThat(report.suppressed()).hasSize(3);
    ConfigFinding byAnnotation = find(report.suppressed(), "BH-K8S-0003");
    assertThat(byAnnotation.suppression().source()).isEqualTo("annotation");
    assertThat(byAnnotation.suppression().reason()).isEqualTo("debug pod");
    assertThat(byAnnotation.severity()).isEqualTo(Severity.LOW);
    ConfigFinding byIgnoreFile = find(report.suppressed(), "BH-K8S-0002");
    assertThat(byIgnoreFile.suppression().source()).isEqualTo("ignorefile");
    assertThat(byIgnoreFile.suppression().reason()).isEqualTo("node exporter");
    assertThat(find(report.suppressed(), "BH-K8S-0006").suppression().source()).isEqualTo("config");
  }

  @Test
  void ignoreFileEntriesMatchByPathGlobAndResource(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("deploy"));
    Files.writeString(dir.resolve("deploy/a.yaml"), PRIVILEGED);
    Files.writeString(dir.resolve("deploy/b.yaml"), PRIVILEGED.replace("name: p", "name: q"));
    Path ignore =
        Files.writeString(
            dir.resolve("ignore"),
            "BH-K8S-0003 file=**/deploy/a.yaml\nBH-K8S-0003 resource=Pod/*/q # debug\n"
                + "BH-K8S-0003 resource=Pod/other/p\n");
    ConfigReport report =
        engine()
            .ignore(IgnoreFile.read(ignore))
            .build()
            .scan(List.of(dir.resolve("./deploy").toString()));
    assertThat(report.active()).isEmpty();
    assertThat(report.suppressed()).hasSize(2);
    assertThat(report.suppressed().get(1).suppression().reason()).isEqualTo("debug");
  }

  @Test
  void badConfigAndIgnoreFilesNameTheFileAndLine(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("c.yaml"), "severity:\n  BH-K8S-9999: LOW\n");
    assertThatThrownBy(() -> ConfigFile.read(config, Set.of("BH-K8S-0001")))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("c.yaml:2:3")
        .hasMessageContaining("unknown rule BH-K8S-9999");
    Path ignore = Files.writeString(dir.resolve("i"), "BH-K8S-0001\nBH-K8S-0002 colour=red\n");
    assertThatThrownBy(() -> IgnoreFile.read(ignore))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("i:2")
        .hasMessageContaining("colour=red");
  }

  @Test
  void skipsFilesOverTheSizeLimitWithAWarning(@TempDir Path dir) throws Exception {
    Path big = Files.writeString(dir.resolve("big.yaml"), PRIVILEGED + "#" + "x".repeat(2000));
    ConfigReport report = engine().maxFileSize(1000).build().scan(List.of(big.toString()));
    assertThat(report.active()).isEmpty();
    assertThat(report.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("big.yaml").contains("limit"));
  }

  @Test
  void aMissingPathIsAnError() {
    assertThatThrownBy(() -> engine().build().scan(List.of("/nonexistent/x.yaml")))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("/nonexistent/x.yaml");
  }

  private static ConfigFinding find(List<ConfigFinding> findings, String id) {
    return findings.stream().filter(f -> f.rule().id().equals(id)).findFirst().orElseThrow();
  }
}
