package dev.bulkhead.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.spi.FileMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scans this machine's {@code /etc} and {@code /usr/share/doc} in place, which hold no leaked
 * secrets (apart from generated host keys), and expects close to zero findings. Run with {@code
 * -Dsecrets.roots=/usr/lib:/usr/share} to survey more directories by hand.
 */
class SystemFilesNegativeTest {
  private static final int MAX_FILES = 20_000;

  @Test
  void etcYieldsOnlyGeneratedKeys() throws Exception {
    SecretScanner scanner = SecretScanner.builder().maxFileSize(2 * 1024 * 1024).build();
    List<ContentFinding> unexpected = new ArrayList<>();
    int scanned = 0;
    for (String root : System.getProperty("secrets.roots", "/etc").split(":")) {
      scanned += scanTree(scanner, Path.of(root), unexpected);
    }
    assertThat(scanned).isGreaterThan(100);
    assertThat(unexpected).isEmpty();
  }

  /** Drops the global path allow-list (which skips package docs) to see how the rules fare. */
  @Test
  void packageDocsYieldAlmostNoFindings() throws Exception {
    SecretScanner all = SecretScanner.builder().maxFileSize(2 * 1024 * 1024).build();
    SecretScanner scanner =
        new SecretScanner(
            new RuleEngine(
                all.rules(), List.of(java.util.regex.Pattern.compile("\\.gz$")), placeholders(all)),
            2 * 1024 * 1024);
    List<ContentFinding> unexpected = new ArrayList<>();
    int scanned = scanTree(scanner, Path.of("/usr/share/doc"), unexpected);
    assertThat(scanned).isGreaterThan(50);
    // Seen on Debian 12: xmlsec1's example RSA key and PyJWT's README token, both published.
    assertThat(unexpected.stream().filter(f -> !f.ruleId().equals("private-key")))
        .hasSizeLessThanOrEqualTo(2);
  }

  private static List<java.util.regex.Pattern> placeholders(SecretScanner s) throws Exception {
    return s.engine().placeholders();
  }

  private static int scanTree(SecretScanner scanner, Path root, List<ContentFinding> unexpected)
      throws IOException {
    List<ContentFinding> findings = new ArrayList<>();
    int[] scanned = {0};
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .limit(MAX_FILES)
          .forEach(p -> scanOne(scanner, p, findings, scanned));
    }
    for (ContentFinding f : findings) {
      boolean generatedKey =
          f.ruleId().equals("private-key")
              && (f.path().startsWith("etc/ssh/ssh_host_")
                  || f.path().startsWith("etc/ssl/private/"));
      if (!generatedKey) {
        System.out.println(
            "finding: " + f.ruleId() + " " + f.path() + ":" + f.line() + " " + f.excerpt());
        unexpected.add(f);
      }
    }
    System.out.println(
        root + ": scanned " + scanned[0] + " files, " + findings.size() + " findings");
    return scanned[0];
  }

  private static void scanOne(
      SecretScanner scanner, Path p, List<ContentFinding> out, int[] scanned) {
    try {
      FileMeta meta =
          new FileMeta(p.toString().substring(1), Files.size(p), 0644, FileMeta.Type.FILE);
      if (!scanner.accepts(meta) || !Files.isReadable(p)) {
        return;
      }
      try (InputStream in = Files.newInputStream(p)) {
        out.addAll(scanner.scan(meta, in));
        scanned[0]++;
      }
    } catch (IOException e) {
      // Unreadable or oversized system files are not what this test is about.
    }
  }
}
