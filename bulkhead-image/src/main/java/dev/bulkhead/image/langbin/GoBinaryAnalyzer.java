package dev.bulkhead.image.langbin;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.analyzer.Warnings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the Go modules compiled into an ELF executable, from its {@code .go.buildinfo} section (see
 * {@link GoBuildInfo}).
 *
 * <p>Emits {@code pkg:golang/stdlib@vX.Y.Z} for the Go toolchain (as Trivy and govulncheck name the
 * standard library), the main module ({@code mod} line) unless its version is {@code (devel)}, and
 * every {@code dep} line. A {@code =>} replacement stands for the module it follows: a module
 * replacement is reported in its place, a local directory replacement (no version) drops it, since
 * no published version was built. Binaries built in GOPATH mode (as Debian builds them) carry only
 * a {@code path} line, so they yield just the standard library.
 *
 * <p>Accepts paths as {@link ExecutablePaths} does; files that are not ELF cost four bytes. ELF
 * files are spooled to a temporary file for random access.
 */
public final class GoBinaryAnalyzer implements Analyzer {
  private static final Pattern GO_VERSION =
      Pattern.compile("go(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:(rc|beta)(\\d+))?");

  @Override
  public String id() {
    return "go-binary";
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
      warnings.add("cannot read Go build info: " + e.getMessage());
    }
    return new AnalysisResult(null, packages, warnings.list());
  }

  /** Adds the modules of an already spooled ELF image; a damaged one adds a warning. */
  static void read(ElfImage elf, String path, List<Package> packages, Warnings warnings)
      throws IOException {
    GoBuildInfo info;
    try {
      info = GoBuildInfo.read(elf);
    } catch (ElfImage.ElfFormatException e) {
      warnings.add("cannot read Go build info: " + e.getMessage());
      return;
    }
    if (info == null) {
      return;
    }
    String stdlib = stdlibVersion(info.goVersion());
    if (stdlib != null) {
      packages.add(LangPackages.of(LangPackages.GOLANG, "stdlib", stdlib, null, path));
    } else {
      warnings.add("unrecognised Go version '" + clip(info.goVersion()) + "'; stdlib not listed");
    }
    parseModInfo(info.modInfo(), path, packages, warnings);
  }

  /** Adds the main module and dependencies of a module info string. */
  static void parseModInfo(String modInfo, String path, List<Package> packages, Warnings warnings) {
    String[] pending = null;
    int lineNo = 0;
    for (String line : modInfo.split("\n", -1)) {
      lineNo++;
      String[] f = line.split("\t", -1);
      if (f[0].equals("=>")) {
        if (pending == null) {
          warnings.add("module info line " + lineNo + ": replacement without a module; skipped");
        } else if (f.length >= 3 && !f[2].isEmpty() && !f[2].equals("(devel)")) {
          pending = new String[] {f[1], f[2]};
        } else {
          pending = null;
        }
        continue;
      }
      flush(pending, path, packages, warnings);
      pending = null;
      if ((f[0].equals("mod") || f[0].equals("dep")) && f.length >= 3) {
        if (f[0].equals("mod") && f[2].equals("(devel)")) {
          continue;
        }
        pending = new String[] {f[1], f[2]};
      } else if (f[0].equals("mod") || f[0].equals("dep")) {
        warnings.add("module info line " + lineNo + " has too few fields; skipped");
      }
    }
    flush(pending, path, packages, warnings);
  }

  private static void flush(
      String[] module, String path, List<Package> packages, Warnings warnings) {
    if (module == null) {
      return;
    }
    if (!LangPackages.plausible(module[0]) || !LangPackages.plausible(module[1])) {
      warnings.add("implausible module '" + clip(module[0]) + "' '" + clip(module[1]) + "'");
    } else if (packages.size() >= LangPackages.MAX_PACKAGES) {
      warnings.add("more than " + LangPackages.MAX_PACKAGES + " modules; the rest ignored");
    } else {
      packages.add(LangPackages.of(LangPackages.GOLANG, module[0], module[1], null, path));
    }
  }

  /**
   * Turns a Go toolchain version into a module-style semantic version: {@code go1.19.8} gives
   * {@code v1.19.8}, {@code go1.20} gives {@code v1.20.0}, {@code go1.21rc2} gives {@code
   * v1.21.0-rc.2}; anything after a space (e.g. {@code X:boringcrypto}) is ignored.
   *
   * @return the version, or null for {@code devel} and unknown forms
   */
  static String stdlibVersion(String goVersion) {
    if (goVersion == null) {
      return null;
    }
    String v = goVersion.trim();
    int space = v.indexOf(' ');
    if (space > 0) {
      v = v.substring(0, space);
    }
    Matcher m = GO_VERSION.matcher(v);
    if (!m.matches()) {
      return null;
    }
    String patch = m.group(3) == null ? "0" : m.group(3);
    String out = "v" + m.group(1) + "." + m.group(2) + "." + patch;
    return m.group(4) == null ? out : out + "-" + m.group(4) + "." + m.group(5);
  }

  static String clip(String s) {
    return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
