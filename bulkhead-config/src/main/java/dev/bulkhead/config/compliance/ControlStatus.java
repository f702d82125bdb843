package dev.bulkhead.config.compliance;

/** How a control came out. */
public enum ControlStatus {
  /** Automated, checked, and no scanned resource violates it. */
  PASS,
  /** At least one resource violates it. */
  FAIL,
  /** Needs a person: manual in the catalogue, or no rule of this scan decides it. */
  MANUAL
}
