package dev.bulkhead.image.walk;

import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.spi.ContentScanner;

/**
 * Holds one content finding of one layer before the walk knows whether a later layer removed it.
 *
 * @param scanner the scanner that reported it
 * @param path the normalised path of the entry it was found in
 * @param finding the finding as the scanner returned it
 */
record ScannedFinding(ContentScanner scanner, String path, ContentFinding finding) {}
