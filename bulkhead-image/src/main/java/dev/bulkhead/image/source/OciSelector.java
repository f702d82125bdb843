package dev.bulkhead.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the image manifest of an OCI layout: by ref-name annotation (or the only one), then by
 * platform through nested indexes.
 */
final class OciSelector {
  private static final int MAX_DEPTH = 4;

  /** Reads and verifies a JSON blob. */
  interface BlobReader {
    byte[] read(OciDescriptor ref) throws IOException, BulkheadException;
  }

  private final String target;
  private final Path dir;
  private final String tag;
  private final String platform;
  private final BlobReader blobs;

  OciSelector(String target, Path dir, String tag, String platform, BlobReader blobs) {
    this.target = target;
    this.dir = dir;
    this.tag = tag;
    this.platform = platform;
    this.blobs = blobs;
  }

  /** Returns the descriptor of the image manifest to scan. */
  OciDescriptor select(List<OciDescriptor> manifests) throws IOException, BulkheadException {
    OciDescriptor chosen = byTag(manifests);
    for (int depth = 0; chosen.isIndex(); depth++) {
      if (depth == MAX_DEPTH) {
        throw new BulkheadException(target + ": image indexes nest too deep; refusing it");
      }
      JsonNode index = Json.parse(blobs.read(chosen), "index " + chosen.digest());
      chosen = byPlatform(OciDescriptor.listOf(index.path("manifests")), chosen.digest());
    }
    return chosen;
  }

  private OciDescriptor byTag(List<OciDescriptor> manifests) throws BulkheadException {
    if (tag == null) {
      if (manifests.size() == 1) {
        return manifests.get(0);
      }
      throw new BulkheadException(
          "OCI layout "
              + dir
              + " holds "
              + manifests.size()
              + " images "
              + names(manifests)
              + "; pass oci:DIR:TAG to pick one");
    }
    for (OciDescriptor m : manifests) {
      if (m.matchesTag(tag)) {
        return m;
      }
    }
    throw new BulkheadException(
        "OCI layout "
            + dir
            + " has no image tagged '"
            + tag
            + "' (it has "
            + names(manifests)
            + "); pass oci:DIR:TAG with one of those");
  }

  private OciDescriptor byPlatform(List<OciDescriptor> manifests, String indexDigest)
      throws BulkheadException {
    Platform wanted = Platform.parse(platform);
    Set<String> seen = new LinkedHashSet<>();
    for (OciDescriptor m : manifests) {
      Platform p = m.platform();
      if (p == null) {
        continue;
      }
      if (wanted.matches(p.os(), p.architecture(), p.variant())) {
        return m;
      }
      if (Platform.isListed(p.os())) {
        seen.add(p.toString());
      }
    }
    throw new BulkheadException(
        target
            + ": index "
            + indexDigest
            + " has no image for platform "
            + wanted
            + " (it has "
            + (seen.isEmpty() ? "none listed" : String.join(", ", seen))
            + "); pass --platform with one of those");
  }

  private static String names(List<OciDescriptor> manifests) {
    List<String> names = new ArrayList<>();
    manifests.forEach(m -> names.add(m.refName() == null ? m.digest() : m.refName()));
    return "[" + String.join(", ", names) + "]";
  }
}
