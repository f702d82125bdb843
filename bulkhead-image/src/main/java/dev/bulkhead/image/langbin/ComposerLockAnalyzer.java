package dev.bulkhead.image.langbin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.analyzer.Warnings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the packages of a PHP {@code composer.lock}: the {@code name} and {@code version} of every
 * entry of {@code packages} and of {@code packages-dev} (the report does not tell them apart).
 * Versions are kept as written, often with a {@code v} prefix ({@code v6.3.0}); branch versions
 * such as {@code dev-main} are reported too. Files under {@code vendor/} are not accepted.
 */
public final class ComposerLockAnalyzer implements Analyzer {
  static final long MAX_BYTES = 64L * 1024 * 1024;

  @Override
  public String id() {
    return "composer-lock";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    return size <= MAX_BYTES
        && (path.equals("composer.lock") || path.endsWith("/composer.lock"))
        && !path.startsWith("vendor/")
        && !path.contains("/vendor/");
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings warnings = new Warnings(input.path());
    List<Package> packages = new ArrayList<>();
    try (JsonParser p = JsonFiles.open(input.content())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        warnings.add("not a JSON object; skipped");
        return new AnalysisResult(null, packages, warnings.list());
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_ARRAY
            || !(field.equals("packages") || field.equals("packages-dev"))) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
          String[] nv = JsonFiles.twoFields(p, "name", "version");
          if (nv == null || !LangPackages.plausible(nv[0]) || !LangPackages.plausible(nv[1])) {
            warnings.add("an entry of " + field + " has no valid name or version; skipped");
          } else if (packages.size() >= LangPackages.MAX_PACKAGES) {
            warnings.add("more than " + LangPackages.MAX_PACKAGES + " packages; the rest ignored");
          } else {
            packages.add(LangPackages.of(LangPackages.COMPOSER, nv[0], nv[1], null, input.path()));
          }
        }
      }
    } catch (StreamReadException e) {
      warnings.add("malformed JSON: " + GoBinaryAnalyzer.clip(e.getOriginalMessage()));
    }
    return new AnalysisResult(null, packages, warnings.list());
  }
}
