package dev.bulkhead.image.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.spi.ImageMetadataView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigMetadataTest {
  private static ImageMetadataView parse(String json) throws IOException {
    return ConfigMetadata.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keepsEveryHistoryLineAndSkipsNonTextValues() throws Exception {
    ImageMetadataView view =
        parse(
            "{\"config\":{\"Env\":[\"A=1\",null,2],\"Cmd\":\"serve\",\"Entrypoint\":null,"
                + "\"Labels\":{\"a\":\"b\",\"n\":null,\"v\":3,\"o\":{}}},"
                + "\"history\":[{\"created_by\":\"ADD x\"},{\"empty_layer\":true},"
                + "{\"created_by\":\"ENV K=v\",\"empty_layer\":true}]}");
    assertThat(view.env()).containsExactly("A=1");
    assertThat(view.cmd()).containsExactly("serve");
    assertThat(view.entrypoint()).isEmpty();
    assertThat(view.labels()).containsOnlyKeys("a", "v").containsEntry("v", "3");
    assertThat(view.history()).containsExactly("ADD x", "", "ENV K=v");
  }

  @Test
  void aConfigWithoutContainerConfigGivesEmptyParts() throws Exception {
    ImageMetadataView view = parse("{\"rootfs\":{}}");
    assertThat(view).isEqualTo(ImageMetadataView.NONE);
  }

  @Test
  void malformedJsonIsAnIoException() {
    assertThatThrownBy(() -> parse("{nope")).isInstanceOf(IOException.class);
  }
}
