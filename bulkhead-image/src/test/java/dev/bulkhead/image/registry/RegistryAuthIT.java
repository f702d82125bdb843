package dev.bulkhead.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.image.source.ImageMetadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls from real registries that demand basic auth (htpasswd) or bearer tokens. */
class RegistryAuthIT {
  private static final RegistryOptions PLAIN = RegistryOptions.defaults().withInsecure(true);

  @TempDir Path dir;

  private Path archive(String name) throws Exception {
    List<byte[]> layers = List.of(TestImages.layerTar(Map.of("who", name)));
    return TestImages.dockerArchive(dir.resolve(name + ".tar"), name + ":1", "amd64", layers);
  }

  @Test
  void basicAuthFromOptionsOrDockerConfig() throws Exception {
    LocalRegistry.requireTool("htpasswd");
    String htpasswd = LocalRegistry.run(List.of("htpasswd", "-Bbn", "alice", "s3cret"), dir);
    Files.writeString(dir.resolve("htpasswd"), htpasswd);
    String yaml =
        "auth:\n  htpasswd:\n    realm: test\n    path: " + dir.resolve("htpasswd") + "\n";
    try (LocalRegistry registry = LocalRegistry.start(dir.resolve("reg"), yaml)) {
      registry.push(
          "docker-archive:" + archive("basic"), "basic:1", "--dest-creds", "alice:s3cret");
      String ref = registry.host() + "/basic:1";

      RecordingHandler handler = new RecordingHandler();
      new RegistrySource(ref, PLAIN.withCredentials("alice", "s3cret"))
          .read(handler, Progress.NONE);
      assertThat(handler.files).containsEntry("who", "basic");

      Path config = dir.resolve("docker/config.json");
      Files.createDirectories(config.getParent());
      String auth =
          Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
      Files.writeString(
          config, "{\"auths\":{\"http://" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");
      RecordingHandler fromConfig = new RecordingHandler();
      new RegistrySource(ref, PLAIN.withDockerConfig(config)).read(fromConfig, Progress.NONE);
      assertThat(fromConfig.files).containsEntry("who", "basic");

      Path empty = dir.resolve("empty.json");
      Files.writeString(empty, "{}");
      assertThatThrownBy(
              () ->
                  new RegistrySource(ref, PLAIN.withDockerConfig(empty))
                      .read(handler, Progress.NONE))
          .isInstanceOf(BulkheadException.class)
          .hasMessage(
              "pull manifest for basic:1 from "
                  + registry.host()
                  + " failed: 401 Unauthorized (UNAUTHORIZED: authentication required); pass --username/--password or a docker config.json");
      assertThatThrownBy(
              () ->
                  new RegistrySource(ref, PLAIN.withCredentials("alice", "wrong"))
                      .read(handler, Progress.NONE))
          .hasMessageStartingWith(
              "pull manifest for basic:1 from " + registry.host() + " failed: 401 Unauthorized")
          .hasMessageEndingWith("check the username, password or token")
          .hasMessageNotContaining("wrong");
    }
  }

  @Test
  void bearerTokenFlow() throws Exception {
    for (String field : List.of("token", "access_token")) {
      Path work = Files.createDirectories(dir.resolve(field));
      try (TokenServer tokens = new TokenServer(work, "bob", "hunter2", field);
          LocalRegistry registry =
              LocalRegistry.start(work.resolve("reg"), tokens.registryYaml())) {
        registry.push(
            "docker-archive:" + archive("bearer"), "team/bearer:1", "--dest-creds", "bob:hunter2");
        String ref = registry.host() + "/team/bearer:1";

        RecordingHandler handler = new RecordingHandler();
        ImageMetadata meta =
            new RegistrySource(ref, PLAIN.withCredentials("bob", "hunter2"))
                .read(handler, Progress.NONE);
        assertThat(handler.files).containsEntry("who", "bearer");
        assertThat(meta.layers()).hasSize(1);
        assertThat(tokens.scopes).contains("repository:team/bearer:pull");

        Path noConfig = work.resolve("none.json");
        Files.writeString(noConfig, "{\"auths\":{}}");
        assertThatThrownBy(
                () ->
                    new RegistrySource(ref, PLAIN.withDockerConfig(noConfig))
                        .read(handler, Progress.NONE))
            .isInstanceOf(BulkheadException.class)
            .hasMessageStartingWith(
                "pull manifest for team/bearer:1 from "
                    + registry.host()
                    + " failed: 401 Unauthorized")
            .hasMessageEndingWith("pass --username/--password or a docker config.json");
        assertThatThrownBy(
                () ->
                    new RegistrySource(ref, PLAIN.withCredentials("bob", "nope"))
                        .read(handler, Progress.NONE))
            .isInstanceOf(BulkheadException.class)
            .hasMessage(
                "get a bearer token for team/bearer from "
                    + tokens.realm()
                    + " failed: 401; check the username and password");
      }
    }
  }
}
