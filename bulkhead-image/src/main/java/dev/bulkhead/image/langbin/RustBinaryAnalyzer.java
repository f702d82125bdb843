package dev.bulkhead.image.langbin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.io.LimitedInputStream;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.analyzer.Warnings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.InflaterInputStream;

/**
 * Lists the crates recorded by <a href="https://github.com/rust-secure-code/cargo-auditable">
 * cargo-auditable</a> in an ELF executable: the {@code .dep-v0} section holds zlib-compressed JSON
 * {@code {"packages":[{"name","version","source","kind","dependencies","root"}]}}.
 *
 * <p>Reports packages whose {@code source} is {@code crates.io}, {@code registry} or {@code git};
 * {@code local} (the binary's own workspace crates) and {@code builtin} (the standard library) are
 * left out, as are {@code "kind":"build"} entries (build scripts and proc macros that ran at build
 * time but are not linked into the binary). The section is capped at 8 MiB compressed and 32 MiB
 * inflated, so a zlib bomb ends in a warning.
 */
public final class RustBinaryAnalyzer implements Analyzer {
  static final String SECTION = ".dep-v0";
  static final int MAX_COMPRESSED = 8 * 1024 * 1024;
  static final long MAX_INFLATED = 32L * 1024 * 1024;

  @Override
  public String id() {
    return "rust-binary";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    return ExecutablePaths.accepts(path, size);
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings warnings = new Warnings(input.path());
    List<Package> packages = new ArrayList<>();
    try (ElfImage elf = ElfImage.spool(input.content(), input.size())) {
      if (elf == null) {
        return AnalysisResult.EMPTY;
      }
      read(elf, input.path(), packages, warnings);
    } catch (ElfImage.ElfFormatException e) {
      warnings.add("cannot read the " + SECTION + " section: " + e.getMessage());
    }
    return new AnalysisResult(null, packages, warnings.list());
  }

  /** Adds the crates of an already spooled ELF image; a damaged one adds a warning. */
  static void read(ElfImage elf, String path, List<Package> packages, Warnings warnings)
      throws IOException {
    byte[] compressed;
    try {
      ElfImage.Section s = elf.section(SECTION);
      if (s == null) {
        return;
      }
      compressed = elf.read(s, MAX_COMPRESSED);
    } catch (ElfImage.ElfFormatException e) {
      warnings.add("cannot read the " + SECTION + " section: " + e.getMessage());
      return;
    }
    try (InputStream json =
        new LimitedInputStream(
            new InflaterInputStream(new ByteArrayInputStream(compressed)),
            MAX_INFLATED,
            "the inflated " + SECTION + " payload")) {
      parse(json, path, packages, warnings);
    } catch (StreamReadException
        | java.util.zip.ZipException
        | LimitedInputStream.LimitExceededException e) {
      warnings.add("damaged " + SECTION + " payload: " + GoBinaryAnalyzer.clip(e.getMessage()));
    } catch (java.io.EOFException e) {
      warnings.add("truncated " + SECTION + " payload");
    }
  }

  private static void parse(InputStream json, String path, List<Package> out, Warnings w)
      throws IOException {
    try (JsonParser p = JsonFiles.open(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        w.add(SECTION + " is not a JSON object");
        return;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        if (p.nextToken() != JsonToken.START_ARRAY || !field.equals("packages")) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          String name = null;
          String version = null;
          String source = null;
          String kind = null;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            String text = v == JsonToken.VALUE_STRING ? p.getText() : null;
            switch (f) {
              case "name" -> name = text;
              case "version" -> version = text;
              case "source" -> source = text;
              case "kind" -> kind = text;
              default -> p.skipChildren();
            }
          }
          add(name, version, source, kind, path, out, w);
        }
      }
    }
  }

  private static void add(
      String name,
      String version,
      String source,
      String kind,
      String path,
      List<Package> out,
      Warnings w) {
    if (!LangPackages.plausible(name) || !LangPackages.plausible(version)) {
      w.add("package entry without a valid name or version; skipped");
      return;
    }
    if ("build".equals(kind)
        || !("crates.io".equals(source) || "registry".equals(source) || "git".equals(source))) {
      return;
    }
    if (out.size() >= LangPackages.MAX_PACKAGES) {
      w.add("more than " + LangPackages.MAX_PACKAGES + " packages; the rest ignored");
      return;
    }
    out.add(LangPackages.of(LangPackages.CARGO, name, version, null, path));
  }
}
