package dev.bulkhead.vulndb;

/**
 * Tells what one import did to one source.
 *
 * @param source the source name
 * @param format the detected format
 * @param added advisories that were new
 * @param changed advisories whose content changed
 * @param unchanged advisories already stored as read
 * @param removed advisories dropped because a whole-feed file no longer lists them
 */
public record SourceImport(
    String source, String format, int added, int changed, int unchanged, int removed) {

  /** Returns true when the import changed nothing in the store. */
  public boolean isUnchanged() {
    return added == 0 && changed == 0 && removed == 0;
  }
}
