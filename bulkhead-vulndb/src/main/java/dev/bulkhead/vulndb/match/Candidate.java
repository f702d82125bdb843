package dev.bulkhead.vulndb.match;

import dev.bulkhead.vulndb.model.Advisory;
import dev.bulkhead.vulndb.model.Affected;

/**
 * Pairs one stored affected-package row with its advisory and source.
 *
 * @param source the source name, e.g. {@code debian-tracker}
 * @param advisory the advisory (its {@code affected} list is left empty)
 * @param affected the row for the looked-up package
 */
public record Candidate(String source, Advisory advisory, Affected affected) {}
