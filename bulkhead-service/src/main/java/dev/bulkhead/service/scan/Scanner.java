package dev.bulkhead.service.scan;

import java.util.Locale;

/** What a scan looks for. */
public enum Scanner {
  /** Vulnerable packages, matched against the advisory database. */
  VULN,
  /** Secrets in files, the image config and history. */
  SECRET,
  /** Malicious content: known-bad hashes, miners, suspicious commands, file modes, YARA. */
  MALWARE;

  /** The lower-case name front ends use. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
