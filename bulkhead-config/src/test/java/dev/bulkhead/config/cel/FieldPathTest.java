package dev.bulkhead.config.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {

  @Test
  void parsesDotsIndexesAndQuotedKeys() {
    assertThat(FieldPath.parse("spec.template.spec.containers[0].image"))
        .containsExactly("spec", "template", "spec", "containers", 0, "image");
    assertThat(FieldPath.parse(".metadata.labels['app.kubernetes.io/name']"))
        .containsExactly("metadata", "labels", "app.kubernetes.io/name");
    assertThat(FieldPath.parse("metadata.annotations[\"a]b\"].x"))
        .containsExactly("metadata", "annotations", "a]b", "x");
    assertThat(FieldPath.parse("spec.containers[12]")).isEqualTo(List.of("spec", "containers", 12));
  }

  @Test
  void rejectsMalformedPaths() {
    assertThatThrownBy(() -> FieldPath.parse("spec.containers[x]"))
        .hasMessageContaining("neither a number nor quoted");
    assertThatThrownBy(() -> FieldPath.parse("spec.containers[0")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> FieldPath.parse("a['b")).hasMessageContaining("unclosed quoted key");
  }
}
