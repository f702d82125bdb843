package dev.bulkhead.vulndb;

import java.time.Instant;

/**
 * Describes one stored advisory source, as {@code bulkhead db status} shows it.
 *
 * @param name the source name, e.g. {@code alpine-secdb:v3.11/main}
 * @param format the format it was imported from
 * @param advisories the number of advisories stored
 * @param affectedRows the number of (advisory, package, release) rows stored
 * @param importedAt when its content last changed in the store
 * @param sha256 the digest of the imported input (for a directory, of its files' names and digests)
 */
public record SourceStatus(
    String name,
    String format,
    long advisories,
    long affectedRows,
    Instant importedAt,
    String sha256) {}
