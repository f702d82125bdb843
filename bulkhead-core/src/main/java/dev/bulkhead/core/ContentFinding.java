package dev.bulkhead.core;

/**
 * States that a file or the image metadata holds a secret or malicious content.
 *
 * @param kind {@link #SECRET} or {@link #MALWARE}
 * @param ruleId the stable rule id, e.g. {@code aws-access-key-id}, {@code known-bad-hash}
 * @param category the rule family used in accuracy reports, e.g. {@code aws}, {@code private-key},
 *     {@code cryptominer}, {@code suspicious-command}
 * @param severity how serious it is
 * @param title a one-line description of what was found
 * @param path the file path relative to the root without a leading slash, or for image metadata
 *     {@code config:Env}, {@code config:Cmd}, {@code config:Entrypoint}, {@code config:Labels},
 *     {@code history[N]}
 * @param line the 1-based line of the match, or 0 when not line-based
 * @param excerpt a short masked excerpt: never a whole secret
 * @param layer the diff id of the layer whose file holds it, or {@code null} (directory scans,
 *     metadata)
 * @param status {@link #PRESENT} when the file is in the final image, {@link #REMOVED} when a later
 *     layer deleted or replaced it (the bytes are still in the image)
 * @param removedIn the diff id of the layer that deleted or replaced the file, or {@code null}
 */
public record ContentFinding(
    String kind,
    String ruleId,
    String category,
    Severity severity,
    String title,
    String path,
    int line,
    String excerpt,
    String layer,
    String status,
    String removedIn) {

  /** A hard-coded credential or key. */
  public static final String SECRET = "secret";

  /** Malicious or suspicious content. */
  public static final String MALWARE = "malware";

  /** The file is part of the final image filesystem. */
  public static final String PRESENT = "present";

  /** A later layer deleted or replaced the file; its bytes still ship in the image. */
  public static final String REMOVED = "removed";

  /** Returns a copy placed in a layer, with its status in the final image. */
  public ContentFinding inLayer(String layerDiffId, String newStatus, String removedInLayer) {
    return new ContentFinding(
        kind,
        ruleId,
        category,
        severity,
        title,
        path,
        line,
        excerpt,
        layerDiffId,
        newStatus,
        removedInLayer);
  }
}
