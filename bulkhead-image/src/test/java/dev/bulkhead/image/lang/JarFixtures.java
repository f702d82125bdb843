package dev.bulkhead.image.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Locates the real Maven Central jars copied by the build and assembles archives from them. */
final class JarFixtures {
  private JarFixtures() {}

  /** Returns the bytes of a jar in {@code target/lang-fixtures}. */
  static byte[] real(String fileName) throws IOException {
    Path p = Path.of("target", "lang-fixtures", fileName);
    assertThat(p)
        .as(
            "%s is copied from Maven Central by the maven-dependency-plugin in generate-test-resources;"
                + " run: mvn -pl bulkhead-image generate-test-resources",
            p)
        .exists();
    return Files.readAllBytes(p);
  }

  /**
   * Builds a zip of the given entries; a {@code byte[]} value ending in {@code .jar} is STORED as
   * Spring Boot writes nested jars when {@code stored}, DEFLATED otherwise.
   */
  static byte[] zip(Map<String, byte[]> entries, boolean stored) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        if (stored && JavaArchiveAnalyzer.isArchiveName(e.getKey())) {
          CRC32 crc = new CRC32();
          crc.update(e.getValue());
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(e.getValue().length);
          entry.setCompressedSize(e.getValue().length);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Copies a jar, keeping only the entries whose names pass {@code keep}. */
  static byte[] filter(byte[] jar, Predicate<String> keep) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (keep.test(e.getName())) {
          out.putNextEntry(new ZipEntry(e.getName()));
          in.transferTo(out);
          out.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  /** Returns the stream of a byte array (helper for readability). */
  static InputStream stream(byte[] b) {
    return new java.io.ByteArrayInputStream(b);
  }
}
