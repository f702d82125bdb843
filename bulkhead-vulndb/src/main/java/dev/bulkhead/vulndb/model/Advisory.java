package dev.bulkhead.vulndb.model;

import java.util.List;

/**
 * Holds one advisory as an importer read it, normalised across formats.
 *
 * @param key the advisory's identity within its source (OSV id, or {@code package/CVE} for the
 *     Debian tracker and Alpine secdb)
 * @param vulnerabilityId the vulnerability id (CVE or OSV id)
 * @param modified when the advisory last changed (ISO 8601), or {@code null}
 * @param published when it was published, or {@code null}
 * @param withdrawn when it was withdrawn, or {@code null} while it stands
 * @param title a one-line summary, or {@code null}
 * @param details the long description, or {@code null}
 * @param severity a severity word from the data (urgency, database severity), or {@code null}
 * @param cvssVector the highest-scoring CVSS v3.x or v4.0 vector, or {@code null}
 * @param cvssScore the base score of {@code cvssVector}, or {@code null}
 * @param aliases other ids of the same vulnerability
 * @param references reference URLs
 * @param affected the affected packages
 */
public record Advisory(
    String key,
    String vulnerabilityId,
    String modified,
    String published,
    String withdrawn,
    String title,
    String details,
    String severity,
    String cvssVector,
    Double cvssScore,
    List<String> aliases,
    List<String> references,
    List<Affected> affected) {

  /** Normalises the lists to immutable copies. */
  public Advisory {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    references = references == null ? List.of() : List.copyOf(references);
    affected = affected == null ? List.of() : List.copyOf(affected);
  }
}
