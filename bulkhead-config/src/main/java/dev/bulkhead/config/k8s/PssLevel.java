package dev.bulkhead.config.k8s;

/**
 * A Pod Security Standards level; restricted includes every baseline check it does not override.
 */
public enum PssLevel {
  BASELINE,
  RESTRICTED
}
