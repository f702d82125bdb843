package dev.bulkhead.vulndb.match;

import dev.bulkhead.core.BulkheadException;
import java.util.List;

/** Finds stored advisory rows for matchers. */
public interface AdvisoryLookup {

  /** Returns every stored row for one package in one ecosystem, withdrawn advisories included. */
  List<Candidate> find(String ecosystem, String packageName) throws BulkheadException;

  /**
   * Returns every stored row whose package name, normalised per ecosystem ({@link
   * LanguageEcosystems#nameKey}), equals {@code nameKey}, withdrawn advisories included.
   */
  List<Candidate> findByKey(String ecosystem, String nameKey) throws BulkheadException;

  /**
   * Returns every normalised package name with stored rows in {@code ecosystem}, so that a matcher
   * can skip the look-up of the many packages no advisory names.
   */
  java.util.Set<String> nameKeys(String ecosystem) throws BulkheadException;

  /** Returns true when any source holds data for the ecosystem. */
  boolean hasEcosystem(String ecosystem) throws BulkheadException;
}
