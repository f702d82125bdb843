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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the NuGet packages of a {@code packages.lock.json}: under {@code dependencies}, for every
 * target framework, each package with a {@code resolved} version whose {@code type} is not {@code
 * Project}. A package resolved alike for several frameworks is reported once.
 */
public final class NugetLockAnalyzer implements Analyzer {
  static final long MAX_BYTES = 64L * 1024 * 1024;

  @Override
  public String id() {
    return "nuget-lock";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    return size <= MAX_BYTES
        && (path.equals("packages.lock.json") || path.endsWith("/packages.lock.json"));
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings warnings = new Warnings(input.path());
    Set<String> seen = new LinkedHashSet<>();
    List<Package> packages = new ArrayList<>();
    try (JsonParser p = JsonFiles.open(input.content())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        warnings.add("not a JSON object; skipped");
        return new AnalysisResult(null, packages, warnings.list());
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        if (p.nextToken() != JsonToken.START_OBJECT || !field.equals("dependencies")) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            continue;
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            String[] tv = JsonFiles.twoFields(p, "type", "resolved");
            if (tv == null || "Project".equalsIgnoreCase(tv[0])) {
              continue;
            }
            if (!LangPackages.plausible(name) || !LangPackages.plausible(tv[1])) {
              warnings.add(
                  "dependency '" + GoBinaryAnalyzer.clip(name) + "' has no resolved version");
            } else if (packages.size() >= LangPackages.MAX_PACKAGES) {
              warnings.add(
                  "more than " + LangPackages.MAX_PACKAGES + " packages; the rest ignored");
            } else if (seen.add(name + "@" + tv[1])) {
              packages.add(LangPackages.of(LangPackages.NUGET, name, tv[1], null, input.path()));
            }
          }
        }
      }
    } catch (StreamReadException e) {
      warnings.add("malformed JSON: " + GoBinaryAnalyzer.clip(e.getOriginalMessage()));
    }
    return new AnalysisResult(null, packages, warnings.list());
  }
}
