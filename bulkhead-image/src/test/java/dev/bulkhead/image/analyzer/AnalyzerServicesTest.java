package dev.bulkhead.image.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.core.spi.Registry;
import org.junit.jupiter.api.Test;

class AnalyzerServicesTest {

  @Test
  void registersEveryAnalyzerOnceWithAVersion() {
    Registry<Analyzer> registry = Registry.load(Analyzer.class, Analyzer::id);
    assertThat(registry.all())
        .extracting(Analyzer::id)
        .contains("os-release", "dpkg", "apk", "rpm");
    assertThat(registry.get("rpm")).isInstanceOf(RpmAnalyzer.class);
    assertThat(registry.all()).allMatch(a -> a.version() >= 1);
  }

  @Test
  void eachFileGoesToTheRightAnalyzer() {
    Registry<Analyzer> registry = Registry.load(Analyzer.class, Analyzer::id);
    assertThat(registry.get("rpm").accepts("var/lib/rpm/Packages", 1)).isTrue();
    assertThat(registry.get("rpm").accepts("usr/lib/sysimage/rpm/rpmdb.sqlite", 1)).isTrue();
    assertThat(registry.get("rpm").accepts("var/lib/rpm/Name", 1)).isFalse();
    assertThat(registry.get("rpm").accepts("home/var/lib/rpm/Packages", 1)).isFalse();
    assertThat(registry.get("apk").accepts("lib/apk/db/installed", 1)).isTrue();
    assertThat(registry.get("dpkg").accepts("lib/apk/db/installed", 1)).isFalse();
  }
}
