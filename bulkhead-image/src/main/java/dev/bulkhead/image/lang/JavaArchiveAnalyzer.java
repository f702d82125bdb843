package dev.bulkhead.image.lang;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.analyzer.Warnings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lists the Maven artifacts inside Java archives ({@code *.jar}, {@code *.war}, {@code *.ear},
 * {@code *.jpi}, {@code *.hpi}) found anywhere, including archives nested in archives (Spring Boot
 * {@code BOOT-INF/lib}, WAR {@code WEB-INF/lib}, EAR modules).
 *
 * <p>Each archive is read once as a stream ({@link java.util.zip.ZipInputStream}); nested archives
 * are read straight from their entry's stream, so nothing is buffered and nothing is written to
 * disk. Per archive the identity comes from, in this order:
 *
 * <ol>
 *   <li>every {@code META-INF/maven/GROUP/ARTIFACT/pom.properties} (shaded jars have several; one
 *       package each);
 *   <li>else {@code META-INF/MANIFEST.MF}, see {@link ManifestIdentity};
 *   <li>else the file name {@code artifact-1.2.3.jar} (no group: the purl has no namespace).
 * </ol>
 *
 * <p>A package's path is the archive's path, nested ones joined with {@code !/}, e.g. {@code
 * app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar}. Limits are in {@link JarScanner}.
 */
public final class JavaArchiveAnalyzer implements Analyzer {
  private static final List<String> EXTENSIONS = List.of(".jar", ".war", ".ear", ".jpi", ".hpi");

  @Override
  public String id() {
    return "java-archive";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path, long size) {
    return size >= 22 && isArchiveName(path);
  }

  @Override
  public AnalysisResult analyze(AnalysisInput input) throws IOException {
    Warnings problems = new Warnings(input.path());
    List<Package> packages = new ArrayList<>();
    new JarScanner(problems, packages, input.size()).scan(input.content(), input.path());
    return new AnalysisResult(null, packages, problems.list());
  }

  /** Tells whether a file or entry name ends with a Java archive extension (any case). */
  static boolean isArchiveName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String ext : EXTENSIONS) {
      if (lower.endsWith(ext) && lower.length() > ext.length() && !lower.endsWith("/" + ext)) {
        return true;
      }
    }
    return false;
  }
}
