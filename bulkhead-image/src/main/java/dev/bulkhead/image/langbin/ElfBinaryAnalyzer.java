package dev.bulkhead.image.langbin;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.analyzer.Warnings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the Go modules ({@link GoBinaryAnalyzer}) and the cargo-auditable crates ({@link
 * RustBinaryAnalyzer}) of an ELF executable in one pass: the file is spooled once (in memory when
 * small) and both readers look at the same image, instead of each analyzer copying it.
 *
 * <p>Accepts paths as {@link ExecutablePaths} does; files that are not ELF cost four bytes.
 */
public final class ElfBinaryAnalyzer implements Analyzer {
  @Override
  public String id() {
    return "elf-binary";
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
      GoBinaryAnalyzer.read(elf, input.path(), packages, warnings);
      RustBinaryAnalyzer.read(elf, input.path(), packages, warnings);
    } catch (ElfImage.ElfFormatException e) {
      warnings.add("cannot read the ELF headers: " + e.getMessage());
    }
    return new AnalysisResult(null, packages, warnings.list());
  }
}
