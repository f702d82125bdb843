package dev.bulkhead.vulndb.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.digest.DigestingInputStream;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.vulndb.model.Advisory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Imports OSV advisories from one file, a directory tree of files, or a zip export.
 *
 * <p>The source is named {@code osv:ECOSYSTEM} after the first advisory's first affected ecosystem
 * without its release suffix ({@code osv:Debian}, {@code osv:crates.io}). A directory or a zip is a
 * whole feed (advisories it no longer holds are removed); a single file is merged.
 */
final class OsvImporter {
  private final AdvisorySink sink;
  private final Consumer<String> progress;
  private final String fallbackName;
  private final boolean wholeFeed;
  private boolean begun;
  private int count;

  private OsvImporter(
      AdvisorySink sink, Consumer<String> progress, String fallbackName, boolean wholeFeed) {
    this.sink = sink;
    this.progress = progress;
    this.fallbackName = fallbackName;
    this.wholeFeed = wholeFeed;
  }

  /** Imports one OSV file, merging it into its ecosystem's source. */
  static void importFile(Path file, Format format, AdvisorySink sink) throws BulkheadException {
    OsvImporter importer = new OsvImporter(sink, s -> {}, baseName(file), false);
    try {
      byte[] bytes = readBounded(file);
      Advisory advisory;
      try {
        advisory = parse(bytes, format);
      } catch (IOException | YamlEngineException | IllegalArgumentException e) {
        throw new BulkheadException(
            "import " + file + " failed: malformed OSV advisory (" + firstLine(e) + ")", e);
      }
      importer.accept(advisory, format);
      importer.finish(Digests.hex(shaOf(bytes)));
    } catch (BulkheadException | RuntimeException e) {
      sink.abort();
      throw e;
    }
  }

  /** Imports the given OSV files of one directory as one whole feed. */
  static void importFiles(Path dir, List<Path> files, AdvisorySink sink, Consumer<String> progress)
      throws BulkheadException {
    OsvImporter importer = new OsvImporter(sink, progress, baseName(dir), true);
    MessageDigest all = Digests.sha256();
    try {
      for (Path file : files) {
        Format format = file.toString().endsWith(".json") ? Format.OSV_JSON : Format.OSV_YAML;
        byte[] bytes = readBounded(file);
        all.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        all.update((byte) 0);
        all.update(shaOf(bytes).digest());
        importer.acceptBytes(file.toString(), bytes, format);
      }
      importer.finish(Digests.hex(all));
    } catch (BulkheadException | RuntimeException e) {
      sink.abort();
      throw e;
    }
  }

  /** Imports an OSV zip export, reading entries in memory, never extracting to disk. */
  static void importZip(Path zip, AdvisorySink sink, Consumer<String> progress)
      throws BulkheadException {
    OsvImporter importer = new OsvImporter(sink, progress, baseName(zip), true);
    int entries = 0;
    long total = 0;
    try (DigestingInputStream digest =
            new DigestingInputStream(Files.newInputStream(zip), Digests.sha256());
        ZipInputStream in = new ZipInputStream(digest)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (++entries > Limits.MAX_ENTRIES) {
          throw new BulkheadException(
              "import " + zip + " failed: more than " + Limits.MAX_ENTRIES + " zip entries");
        }
        String name = entry.getName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (entry.isDirectory()
            || !(lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
          continue;
        }
        byte[] bytes = in.readNBytes((int) Limits.MAX_ADVISORY_FILE + 1);
        if (bytes.length > Limits.MAX_ADVISORY_FILE) {
          sink.warn(
              zip + "!" + name + ": larger than " + Limits.MAX_ADVISORY_FILE + " bytes; skipped");
          continue;
        }
        total += bytes.length;
        if (total > Limits.MAX_ZIP_TOTAL) {
          throw new BulkheadException(
              "import "
                  + zip
                  + " failed: inflates to more than "
                  + Limits.MAX_ZIP_TOTAL
                  + " bytes");
        }
        Format format = lower.endsWith(".json") ? Format.OSV_JSON : Format.OSV_YAML;
        importer.acceptBytes(zip + "!" + name, bytes, format);
      }
      digest.transferTo(java.io.OutputStream.nullOutputStream());
      importer.finish(Digests.hex(digest.digest()));
    } catch (IOException e) {
      sink.abort();
      throw new BulkheadException(
          "import " + zip + " failed: not a readable zip (" + firstLine(e) + ")", e);
    } catch (BulkheadException | RuntimeException e) {
      sink.abort();
      throw e;
    }
  }

  private void acceptBytes(String where, byte[] bytes, Format format) throws BulkheadException {
    Advisory advisory;
    try {
      advisory = parse(bytes, format);
    } catch (IOException | YamlEngineException | IllegalArgumentException e) {
      sink.warn(where + ": malformed OSV advisory (" + firstLine(e) + "); skipped");
      return;
    }
    accept(advisory, format);
  }

  private void accept(Advisory advisory, Format format) throws BulkheadException {
    if (!begun) {
      String ecosystem =
          advisory.affected().isEmpty() ? fallbackName : advisory.affected().get(0).ecosystem();
      int colon = ecosystem.indexOf(':');
      String base = colon > 0 ? ecosystem.substring(0, colon) : ecosystem;
      sink.begin("osv:" + base, format == Format.OSV_YAML ? "osv-yaml" : "osv-json", wholeFeed);
      begun = true;
    }
    if (++count > Limits.MAX_ADVISORIES) {
      throw new BulkheadException(
          "import failed: more than " + Limits.MAX_ADVISORIES + " advisories");
    }
    sink.accept(advisory);
    if (count % 10_000 == 0) {
      progress.accept(count + " OSV advisories");
    }
  }

  private void finish(String sha) throws BulkheadException {
    if (begun) {
      sink.end(sha);
    } else {
      sink.warn(fallbackName + ": no OSV advisory could be read; nothing imported");
    }
  }

  private static Advisory parse(byte[] bytes, Format format) throws IOException {
    JsonNode doc =
        format == Format.OSV_YAML
            ? Trees.yaml(new java.io.ByteArrayInputStream(bytes), Limits.MAX_ADVISORY_FILE)
            : Trees.MAPPER.readTree(bytes);
    return OsvParser.parse(doc);
  }

  private static byte[] readBounded(Path file) throws BulkheadException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Limits.MAX_ADVISORY_FILE + 1);
      if (bytes.length > Limits.MAX_ADVISORY_FILE) {
        throw new BulkheadException(
            "import "
                + file
                + " failed: an OSV file larger than "
                + Limits.MAX_ADVISORY_FILE
                + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new BulkheadException(
          "import " + file + " failed: cannot read (" + firstLine(e) + ")", e);
    }
  }

  private static MessageDigest shaOf(byte[] bytes) {
    MessageDigest md = Digests.sha256();
    md.update(bytes);
    return md;
  }

  private static String baseName(Path p) {
    Path name = p.toAbsolutePath().normalize().getFileName();
    return name == null ? "osv" : name.toString();
  }

  static String firstLine(Exception e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
  }
}
