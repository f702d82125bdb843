package dev.bulkhead.config.model;

/**
 * Where a finding points: a file and the 1-based line and column of the offending field (the field
 * itself, not the document start). Line and column are 0 when unknown (a missing field is reported
 * at its parent).
 */
public record Location(String file, int line, int column) {}
