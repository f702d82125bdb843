package dev.bulkhead.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.cli.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the leaky image: three layers, a whiteout over the planted .env, labelled metadata. */
class ImageCorpusTest {
  @TempDir Path dir;

  @Test
  void buildsThreeLayersWithTheWhiteoutAndMetadataLabels() throws IOException {
    ImageCorpus.Built image = ImageCorpus.build(dir, SecretCorpus.SEED);

    assertThat(image.diffIds()).hasSize(3).allMatch(id -> id.matches("sha256:[0-9a-f]{64}"));
    String listing = Processes.check(null, List.of("tar", "-tf", image.archive().toString()), 60);
    assertThat(listing).contains("manifest.json");
    String top = image.diffIds().get(2).substring("sha256:".length());
    Path extracted = dir.resolve("x");
    Processes.check(null, List.of("mkdir", "-p", extracted.toString()), 10);
    Processes.check(
        null, List.of("tar", "-xf", image.archive().toString(), "-C", extracted.toString()), 60);
    String topLayer =
        Processes.check(
            null, List.of("tar", "-tf", extracted.resolve(top + "/layer.tar").toString()), 60);
    assertThat(topLayer).contains("./srv/app/.wh..env");
    assertThat(image.labels())
        .extracting(Label::path)
        .containsExactly(
            ImageCorpus.DELETED_ENV,
            ImageCorpus.DELETED_ENV,
            "history[3]",
            "history[4]",
            "config:Env");
  }
}
