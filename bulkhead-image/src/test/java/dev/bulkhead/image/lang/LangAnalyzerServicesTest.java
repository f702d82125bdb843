package dev.bulkhead.image.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.core.spi.Registry;
import org.junit.jupiter.api.Test;

class LangAnalyzerServicesTest {

  @Test
  void listsTheLanguageAnalyzersButKeepsThemOutOfTheDefaultSet() {
    Registry<Analyzer> registry = Registry.of(LangAnalyzers.all(), Analyzer::id);
    assertThat(registry.get("java-archive")).isInstanceOf(JavaArchiveAnalyzer.class);
    assertThat(registry.get("npm")).isInstanceOf(NpmAnalyzer.class);
    assertThat(registry.get("python")).isInstanceOf(PythonAnalyzer.class);
    assertThat(Registry.load(Analyzer.class, Analyzer::id).get("java-archive")).isNull();
  }

  @Test
  void eachFileGoesToOneLanguageAnalyzer() {
    Registry<Analyzer> registry = Registry.of(LangAnalyzers.all(), Analyzer::id);
    for (String path :
        new String[] {
          "app/app.jar",
          "node_modules/lodash/package.json",
          "srv/yarn.lock",
          "usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA",
          "srv/poetry.lock"
        }) {
      assertThat(registry.all().stream().filter(a -> a.accepts(path, 100)).count())
          .as(path)
          .isEqualTo(1);
    }
  }
}
