package dev.bulkhead.core;

/**
 * Records a finding that a VEX statement or an ignore-file entry silenced, and why.
 *
 * @param finding the silenced finding, as the matcher produced it
 * @param purl the package URL of the affected package, or {@code null} when it has none
 * @param kind {@link #VEX} or {@link #IGNORE}
 * @param status the VEX status ({@code not_affected}, {@code fixed}) or {@code ignored}
 * @param justification the VEX justification (e.g. {@code vulnerable_code_not_in_execute_path}), or
 *     {@code null}
 * @param reason the impact statement, action statement or ignore reason, or {@code null}
 * @param source the file that holds the statement or entry, with its line where known
 */
public record SuppressedFinding(
    Finding finding,
    String purl,
    String kind,
    String status,
    String justification,
    String reason,
    String source) {

  /** Silenced by an OpenVEX or CycloneDX VEX statement. */
  public static final String VEX = "vex";

  /** Silenced by an entry of an ignore file. */
  public static final String IGNORE = "ignore";
}
