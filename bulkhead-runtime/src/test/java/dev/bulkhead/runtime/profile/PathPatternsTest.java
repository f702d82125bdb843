package dev.bulkhead.runtime.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathPatternsTest {
  @Test
  void replacesPerInstanceComponents() {
    assertThat(PathPatterns.of("/proc/4242/stat")).isEqualTo("/proc/#/stat");
    assertThat(PathPatterns.of("/proc/self/status")).isEqualTo("/proc/self/status");
    assertThat(PathPatterns.of("/var/lib/x/0123456789abcdef0123/config"))
        .isEqualTo("/var/lib/x/#/config");
    assertThat(PathPatterns.of("/etc/shadow")).isEqualTo("/etc/shadow");
    assertThat(PathPatterns.of("cgi-bin/httpd.conf")).isEqualTo("cgi-bin/httpd.conf");
    assertThat(PathPatterns.of("")).isEqualTo("(empty)");
  }

  @Test
  void boundsLengthAndDepth() {
    String deep = "/a".repeat(100);
    assertThat(PathPatterns.of(deep)).endsWith("…").hasSizeLessThan(40);
    String longName = "/" + "x".repeat(500);
    assertThat(PathPatterns.of(longName).length()).isLessThanOrEqualTo(PathPatterns.MAX_LENGTH + 2);
  }

  @Test
  void parentOfPatterns() {
    assertThat(PathPatterns.parent("/etc/shadow")).isEqualTo("/etc");
    assertThat(PathPatterns.parent("/etc")).isEqualTo("/");
    assertThat(PathPatterns.parent("relative")).isEmpty();
  }
}
