package dev.bulkhead.vulndb.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.digest.DigestingInputStream;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.core.io.LimitedInputStream;
import dev.bulkhead.vulndb.model.Advisory;
import dev.bulkhead.vulndb.model.Affected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Imports the Debian security tracker JSON ({@code {src_pkg: {CVE-id: {description, scope,
 * releases: {codename: {status, fixed_version, urgency}}}}}}) by streaming it: only one (package,
 * CVE) entry is held in memory at a time.
 *
 * <p>Each (source package, CVE) pair becomes one advisory keyed {@code package/CVE} with one
 * affected row per release, in ecosystem {@code debian:CODENAME}.
 */
final class DebianTrackerImporter {
  private DebianTrackerImporter() {}

  /** The source name the tracker is stored under. */
  static final String SOURCE = "debian-tracker";

  static void importFile(Path file, AdvisorySink sink, Consumer<String> progress)
      throws BulkheadException {
    int count = 0;
    try (DigestingInputStream digest =
            new DigestingInputStream(Files.newInputStream(file), Digests.sha256());
        InputStream in = new LimitedInputStream(digest, Limits.MAX_STREAMED_FILE, file.toString());
        JsonParser p = Trees.MAPPER.createParser(in)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, file, "the document");
      sink.begin(SOURCE, Format.DEBIAN_TRACKER.id(), true);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String pkg = p.currentName();
        expect(p.nextToken(), JsonToken.START_OBJECT, file, "package " + pkg);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String id = p.currentName();
          JsonToken t = p.nextToken();
          if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            sink.warn(file + ": " + pkg + "/" + id + " is not an object; skipped");
            continue;
          }
          JsonNode entry = p.readValueAsTree();
          if (++count > Limits.MAX_ADVISORIES) {
            throw new BulkheadException(
                "import " + file + " failed: more than " + Limits.MAX_ADVISORIES + " entries");
          }
          Advisory advisory = toAdvisory(file, pkg, id, entry, sink);
          if (advisory != null) {
            sink.accept(advisory);
          }
          if (count % 10_000 == 0) {
            progress.accept(file.getFileName() + ": " + count + " entries");
          }
        }
      }
      in.transferTo(java.io.OutputStream.nullOutputStream());
      sink.end(Digests.hex(digest.digest()));
    } catch (IOException e) {
      sink.abort();
      throw new BulkheadException(
          "import "
              + file
              + " failed: malformed Debian tracker JSON ("
              + e.getMessage().lines().findFirst().orElse("")
              + "); download it again from the security tracker's data/json",
          e);
    } catch (BulkheadException | RuntimeException e) {
      sink.abort();
      throw e;
    }
  }

  private static void expect(JsonToken got, JsonToken want, Path file, String what)
      throws IOException {
    if (got != want) {
      throw new IOException(what + " should be a JSON object but is " + got);
    }
  }

  private static Advisory toAdvisory(
      Path file, String pkg, String id, JsonNode entry, AdvisorySink sink) {
    JsonNode releases = entry.path("releases");
    if (!releases.isObject() && !releases.isMissingNode()) {
      sink.warn(file + ": " + pkg + "/" + id + " has no releases object; skipped");
      return null;
    }
    List<Affected> affected = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = releases.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> r = it.next();
      JsonNode rel = r.getValue();
      String status = Trees.text(rel, "status");
      if (status == null) {
        sink.warn(file + ": " + pkg + "/" + id + " release " + r.getKey() + " has no status");
        continue;
      }
      affected.add(
          Affected.distro(
              "debian:" + r.getKey(),
              pkg,
              status,
              Trees.text(rel, "fixed_version"),
              Trees.text(rel, "urgency")));
    }
    String description = Trees.text(entry, "description");
    return new Advisory(
        pkg + "/" + id,
        id,
        null,
        null,
        null,
        Limits.title(description),
        Limits.details(description),
        null,
        null,
        null,
        List.of(),
        List.of("https://security-tracker.debian.org/tracker/" + id),
        affected);
  }
}
