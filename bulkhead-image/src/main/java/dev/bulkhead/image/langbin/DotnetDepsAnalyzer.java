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
 * Lists the NuGet packages of a .NET {@code *.deps.json} file: each member {@code "Name/Version"}
 * of {@code libraries} whose {@code type} is {@code package}; {@code project} and {@code reference}
 * entries (the application's own assemblies) are left out.
 */
public final class DotnetDepsAnalyzer implements Analyzer {
  static final long MAX_BYTES = 64L * 1024 * 1024;

  @Override
  public String id() {
    return "dotnet-deps";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    return size <= MAX_BYTES && path.endsWith(".deps.json");
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
        if (p.nextToken() != JsonToken.START_OBJECT || !field.equals("libraries")) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          String[] fields = JsonFiles.twoFields(p, "type", "path");
          if (fields == null || !"package".equals(fields[0])) {
            continue;
          }
          int slash = key.lastIndexOf('/');
          String name = slash > 0 ? key.substring(0, slash) : null;
          String version = slash > 0 ? key.substring(slash + 1) : null;
          if (!LangPackages.plausible(name) || !LangPackages.plausible(version)) {
            warnings.add("library '" + GoBinaryAnalyzer.clip(key) + "' is not Name/Version");
          } else if (packages.size() >= LangPackages.MAX_PACKAGES) {
            warnings.add("more than " + LangPackages.MAX_PACKAGES + " packages; the rest ignored");
          } else {
            packages.add(LangPackages.of(LangPackages.NUGET, name, version, null, input.path()));
          }
        }
      }
    } catch (StreamReadException e) {
      warnings.add("malformed JSON: " + GoBinaryAnalyzer.clip(e.getOriginalMessage()));
    }
    return new AnalysisResult(null, packages, warnings.list());
  }
}
