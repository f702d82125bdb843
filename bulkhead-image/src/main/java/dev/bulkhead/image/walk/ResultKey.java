package dev.bulkhead.image.walk;

/**
 * Identifies one analyzer's result for one file.
 *
 * @param analyzer the analyzer id
 * @param path the normalised file path
 */
record ResultKey(String analyzer, String path) {}
