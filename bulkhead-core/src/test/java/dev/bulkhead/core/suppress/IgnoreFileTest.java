package dev.bulkhead.core.suppress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.sbom.Purl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreFileTest {
  @TempDir Path tmp;

  @Test
  void lineFormat() throws Exception {
    Path f = tmp.resolve(".bulkheadignore");
    Files.writeString(
        f,
        "# header comment\n\n"
            + "CVE-2023-4911 purl=pkg:deb/debian/libc6 path=var/lib/** expires=2027-01-31 # no"
            + " setuid\n"
            + "  GHSA-jfh8-c2jp-5v3q\r\n"
            + "CVE-2018-14618 exp:2023-01-01\n");
    List<IgnoreRule> rules = IgnoreFile.read(f);
    assertThat(rules).hasSize(3);
    IgnoreRule first = rules.get(0);
    assertThat(first.id()).isEqualTo("CVE-2023-4911");
    assertThat(first.purl()).isEqualTo(Purl.parse("pkg:deb/debian/libc6"));
    assertThat(first.path()).isEqualTo("var/lib/**");
    assertThat(first.expires()).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(first.reason()).isEqualTo("no setuid");
    assertThat(first.source()).isEqualTo(f + ":3");
    assertThat(rules.get(1).id()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
    assertThat(rules.get(1).reason()).isNull();
    assertThat(rules.get(2).expires()).isEqualTo(LocalDate.of(2023, 1, 1));
  }

  @Test
  void yamlFormatAsAListOrUnderIgnore() throws Exception {
    Path f = tmp.resolve("ignore");
    Files.writeString(
        f,
        "# accepted\nignore:\n  - id: CVE-1\n    reason: \"not reachable\"\n"
            + "    expires: 2027-01-31\n  - id: CVE-2\n    purl: pkg:npm/a\n");
    List<IgnoreRule> rules = IgnoreFile.read(f);
    assertThat(rules).extracting(IgnoreRule::id).containsExactly("CVE-1", "CVE-2");
    assertThat(rules.get(0).expires()).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(rules.get(0).source()).isEqualTo(f + " entry 1");
    Path bare = tmp.resolve("bare.yml");
    Files.writeString(bare, "- id: CVE-3\n");
    assertThat(IgnoreFile.read(bare)).extracting(IgnoreRule::id).containsExactly("CVE-3");
  }

  @Test
  void expiryIsInclusiveAndPathsAreGlobs() {
    IgnoreRule r =
        new IgnoreRule("CVE-1", null, "app/**/lib/*.jar", null, LocalDate.of(2027, 1, 31), "x");
    assertThat(r.expiredOn(LocalDate.of(2027, 1, 31))).isFalse();
    assertThat(r.expiredOn(LocalDate.of(2027, 2, 1))).isTrue();
    assertThat(r.covers(null, "app/BOOT-INF/x/lib/log4j.jar")).isTrue();
    assertThat(r.covers(null, "/app/a/lib/log4j.jar")).isTrue();
    assertThat(r.covers(null, "app/a/lib/sub/log4j.jar")).isFalse();
    assertThat(r.covers(null, null)).isFalse();
  }

  @Test
  void doubleStarSlashAlsoMatchesAtTheTop() {
    IgnoreRule anyJar = new IgnoreRule("CVE-1", null, "**/log4j-core-*.jar", null, null, "x");
    assertThat(anyJar.covers(null, "log4j-core-2.14.1.jar")).isTrue();
    assertThat(anyJar.covers(null, "/log4j-core-2.14.1.jar")).isTrue();
    assertThat(anyJar.covers(null, "app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar")).isTrue();
    assertThat(anyJar.covers(null, "lib/my-log4j-core-2.14.1.jar")).isFalse();
    IgnoreRule middle = new IgnoreRule("CVE-1", null, "app/**/status", null, null, "x");
    assertThat(middle.covers(null, "app/status")).isTrue();
    assertThat(middle.covers(null, "app/a/b/status")).isTrue();
    assertThat(middle.covers(null, "application/status")).isFalse();
    IgnoreRule tail = new IgnoreRule("CVE-1", null, "var/lib/**", null, null, "x");
    assertThat(tail.covers(null, "var/lib/dpkg/status")).isTrue();
    assertThat(tail.covers(null, "var/library")).isFalse();
    IgnoreRule hostile =
        new IgnoreRule("CVE-1", null, "**/**/**/**/**/**/**/*****/**/**/x", null, null, "x");
    assertThat(hostile.covers(null, "a/".repeat(2000) + "y")).isFalse();
    assertThat(hostile.covers(null, "a/b/x")).isTrue();
    IgnoreRule spread =
        new IgnoreRule("CVE-1", null, "**/a*/**/a*/**/a*/**/a*/**/x", null, null, "x");
    assertThat(spread.covers(null, "a/".repeat(4000) + "y")).isFalse();
    assertThat(spread.covers(null, "a1/b/a2/a3/c/d/a4/x")).isTrue();
    IgnoreRule chars = new IgnoreRule("CVE-1", null, "lib/?og4j.jar", null, null, "x");
    assertThat(chars.covers(null, "lib/log4j.jar")).isTrue();
    assertThat(chars.covers(null, "lib//og4j.jar")).isFalse();
    assertThat(chars.covers(null, "lib/log4j-jar")).isFalse();
    // the glob is compiled once, when the entry is made
    assertThat(anyJar.pathPattern()).isSameAs(anyJar.pathPattern()).isNotNull();
  }

  @Test
  void mistakesNameTheFileAndLine() throws Exception {
    Path f = tmp.resolve("bad");
    Files.writeString(f, "CVE-1\nCVE-2 until=2027-01-01\n");
    assertThatThrownBy(() -> IgnoreFile.read(f))
        .hasMessageContaining(f + ":2: unknown token 'until=2027-01-01'");
    Files.writeString(f, "CVE-1 path=" + "a".repeat(IgnoreFile.MAX_GLOB + 1) + "\n");
    assertThatThrownBy(() -> IgnoreFile.read(f))
        .hasMessageContaining(f + ":1: the path glob is longer than 4096");
    Files.writeString(f, "CVE-1 purl=npm/a\n");
    assertThatThrownBy(() -> IgnoreFile.read(f)).hasMessageContaining(f + ":1:");
    Files.writeString(f, "ignore:\n  - reason: no id\n");
    assertThatThrownBy(() -> IgnoreFile.read(f)).hasMessageContaining("entry 1: the entry has no");
    Files.writeString(f, "ignore: [\n");
    assertThatThrownBy(() -> IgnoreFile.read(f)).hasMessageContaining("is not valid YAML");
    Files.write(f, new byte[] {'C', 'V', 'E', (byte) 0xff});
    assertThatThrownBy(() -> IgnoreFile.read(f)).hasMessageContaining("not UTF-8");
    Files.writeString(f, "CVE-1\n".repeat(IgnoreFile.MAX_BYTES / 6 + 10));
    assertThatThrownBy(() -> IgnoreFile.read(f)).hasMessageContaining("larger than");
    assertThatThrownBy(() -> IgnoreFile.read(tmp.resolve("none")))
        .hasMessageContaining("not found");
  }
}
