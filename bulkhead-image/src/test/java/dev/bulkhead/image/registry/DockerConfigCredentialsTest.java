package dev.bulkhead.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {
  @TempDir Path dir;

  private Path config(String json) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, json);
    return file;
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAuthFieldForDockerHubUnderItsLegacyKey() throws Exception {
    Path file =
        config("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("u:p:q") + "\"}}}");

    assertThat(DockerConfigCredentials.find(file, "docker.io", true))
        .contains(new Credentials("u", "p:q"));
    assertThat(DockerConfigCredentials.find(file, "ghcr.io", true)).isEmpty();
  }

  @Test
  void readsUsernameAndPasswordFields() throws Exception {
    Path file =
        config(
            "{\"credsStore\":\"desktop\",\"auths\":{\"127.0.0.1:5000\":"
                + "{\"username\":\"alice\",\"password\":\"pw\"}}}");

    assertThat(DockerConfigCredentials.find(file, "127.0.0.1:5000", true))
        .contains(new Credentials("alice", "pw"));
  }

  @Test
  void missingDefaultFileIsNoCredentialsButMissingNamedFileIsAnError() throws Exception {
    Path missing = dir.resolve("nope.json");

    assertThat(DockerConfigCredentials.find(missing, "docker.io", false)).isEmpty();
    assertThatThrownBy(() -> DockerConfigCredentials.find(missing, "docker.io", true))
        .hasMessage(
            "read docker config " + missing + " failed: no such file; check --docker-config");
  }

  @Test
  void reportsBrokenFilesWithoutSecrets() throws Exception {
    Path broken = config("{\"auths\":{\"h\":{\"auth\":\"not base64!\"}}}");
    assertThatThrownBy(() -> DockerConfigCredentials.find(broken, "h", true))
        .hasMessage("read docker config " + broken + " failed: auths.h.auth is not base64");
    Path noColon = config("{\"auths\":{\"h\":{\"auth\":\"" + b64("secretonly") + "\"}}}");
    assertThatThrownBy(() -> DockerConfigCredentials.find(noColon, "h", true))
        .hasMessageEndingWith("is not user:password")
        .hasMessageNotContaining("secretonly");
    Path notJson = config("{auths");
    assertThatThrownBy(() -> DockerConfigCredentials.find(notJson, "h", true))
        .hasMessageEndingWith("not valid JSON; fix or remove the file");
  }

  @Test
  void credentialsNeverPrintTheirPassword() {
    assertThat(new Credentials("u", "hunter2").toString()).doesNotContain("hunter2");
    assertThat(RegistryOptions.defaults().withCredentials("u", "hunter2").withToken("tok3n"))
        .asString()
        .doesNotContain("hunter2")
        .doesNotContain("tok3n");
  }
}
