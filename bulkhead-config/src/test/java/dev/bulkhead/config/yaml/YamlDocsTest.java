package dev.bulkhead.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.spi.ConfigParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlDocsTest {

  private static final String POD =
      String.join(
          "\n",
          "# a comment",
          "apiVersion: v1",
          "kind: Pod",
          "metadata:",
          "  name: web",
          "spec:",
          "  containers:",
          "    - name: app",
          "      image: nginx:1.27",
          "      securityContext:",
          "        privileged: true",
          "");

  @Test
  void locatesTheFieldItselfNotTheDocument() throws Exception {
    YamlDoc doc = YamlDocs.parse("pod.yaml", POD).get(0);
    assertThat(doc.locate(List.of("spec", "containers", 0, "securityContext", "privileged")))
        .isEqualTo(new Location("pod.yaml", 11, 9));
    assertThat(doc.locate(List.of("spec", "containers", 0)))
        .isEqualTo(new Location("pod.yaml", 8, 7));
    assertThat(doc.locate(List.of("metadata", "name"))).isEqualTo(new Location("pod.yaml", 5, 3));
  }

  @Test
  void aMissingFieldIsReportedAtItsNearestParent() throws Exception {
    YamlDoc doc = YamlDocs.parse("pod.yaml", POD).get(0);
    assertThat(doc.locate(List.of("spec", "containers", 0, "securityContext", "runAsNonRoot")))
        .isEqualTo(new Location("pod.yaml", 10, 7));
    assertThat(doc.locate(List.of("spec", "containers", 5, "image")))
        .isEqualTo(new Location("pod.yaml", 7, 3));
  }

  @Test
  void convertsToPlainJavaValues() throws Exception {
    YamlDoc doc =
        YamlDocs.parse("x.yaml", "a: 1\nb: true\nc: '1'\nd: ~\ne: 1.5\nf: [x, {g: no}]\n").get(0);
    Map<String, Object> m = doc.root();
    assertThat(m.get("a")).isEqualTo(1L);
    assertThat(m.get("b")).isEqualTo(Boolean.TRUE);
    assertThat(m.get("c")).isEqualTo("1");
    assertThat(m).containsEntry("d", null);
    assertThat(m.get("e")).isEqualTo(1.5);
    assertThat(Yaml.string(m, "f", 1, "g")).isEqualTo("no");
  }

  @Test
  void readsEveryDocumentAndSkipsEmptyOnes() throws Exception {
    List<YamlDoc> docs = YamlDocs.parse("m.yaml", "---\na: 1\n---\n---\nb: 2\n...\n");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(1).root()).containsEntry("b", 2L);
    assertThat(docs.get(1).locate(List.of("b"))).isEqualTo(new Location("m.yaml", 5, 1));
  }

  @Test
  void readsJsonWithPositions() throws Exception {
    String json = "{\n  \"kind\": \"Pod\",\n  \"spec\": {\"hostPID\": true}\n}\n";
    YamlDoc doc = YamlDocs.parse("p.json", json).get(0);
    assertThat(Yaml.bool(doc.root(), "spec", "hostPID")).isTrue();
    assertThat(doc.locate(List.of("spec", "hostPID"))).isEqualTo(new Location("p.json", 3, 12));
  }

  @Test
  void honoursMergeKeys() throws Exception {
    YamlDoc doc =
        YamlDocs.parse("m.yaml", "base: &b {x: 1, y: 2}\nout:\n  <<: *b\n  y: 3\n").get(0);
    assertThat(Yaml.map(doc.root(), "out")).containsEntry("x", 1L).containsEntry("y", 3L);
  }

  @Test
  void aSyntaxErrorNamesTheFileAndPosition() {
    assertThatThrownBy(() -> YamlDocs.parse("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n"))
        .isInstanceOf(ConfigParseException.class)
        .hasMessageStartingWith("bad.yaml:")
        .hasMessageContaining("invalid YAML")
        .satisfies(
            e -> {
              Location at = ((ConfigParseException) e).location();
              assertThat(at.file()).isEqualTo("bad.yaml");
              assertThat(at.line()).isGreaterThan(1);
            });
  }

  @Test
  void refusesAliasBombsAndDeepNesting() {
    StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
    String prev = "a";
    for (int i = 1; i < 10; i++) {
      String n = "a" + i;
      bomb.append(n).append(": &").append(n).append(" [");
      for (int j = 0; j < 5; j++) {
        bomb.append(j == 0 ? "" : ",").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = n;
    }
    assertThatThrownBy(() -> YamlDocs.parse("bomb.yaml", bomb.toString()))
        .isInstanceOf(ConfigParseException.class)
        .hasMessageContaining("bomb.yaml");
    String deep = "x: " + "[".repeat(100_000);
    assertThatThrownBy(() -> YamlDocs.parse("deep.yaml", deep))
        .isInstanceOf(ConfigParseException.class)
        .hasMessageContaining("deep.yaml");
  }
}
