package dev.bulkhead.cli.corpus;

import java.util.List;
import java.util.Locale;

/**
 * Names the rule families the accuracy report counts, and maps a finding's category and rule id
 * onto them.
 */
final class Families {
  static final String AWS = "aws";
  static final String GCP = "gcp";
  static final String AZURE = "azure";
  static final String PRIVATE_KEY = "private-key";
  static final String GITHUB = "github";
  static final String GITLAB = "gitlab";
  static final String BITBUCKET = "bitbucket";
  static final String NPM = "npm";
  static final String PYPI = "pypi";
  static final String DOCKER = "docker";
  static final String KUBERNETES = "kubernetes";
  static final String SLACK = "slack";
  static final String STRIPE = "stripe";
  static final String TWILIO = "twilio";
  static final String SENDGRID = "sendgrid";
  static final String JWT = "jwt";
  static final String DATABASE_URL = "database-url";
  static final String GENERIC = "generic";
  static final String KNOWN_BAD_HASH = "known-bad-hash";
  static final String CRYPTOMINER = "cryptominer";
  static final String SUSPICIOUS_COMMAND = "suspicious-command";

  /** Every family, in report order; the last three are malicious-content families. */
  static final List<String> ALL =
      List.of(
          AWS,
          GCP,
          AZURE,
          PRIVATE_KEY,
          GITHUB,
          GITLAB,
          BITBUCKET,
          NPM,
          PYPI,
          DOCKER,
          KUBERNETES,
          SLACK,
          STRIPE,
          TWILIO,
          SENDGRID,
          JWT,
          DATABASE_URL,
          GENERIC,
          KNOWN_BAD_HASH,
          CRYPTOMINER,
          SUSPICIOUS_COMMAND);

  private Families() {}

  /**
   * Returns the family of a finding: its category when that names a family, else the first family
   * whose name (or a known alias) prefixes or appears in the rule id, else the category itself.
   */
  static String of(String category, String ruleId) {
    String c = normal(category);
    String alias = alias(c);
    if (ALL.contains(alias)) {
      return alias;
    }
    String r = normal(ruleId);
    for (String family : ALL) {
      if (r.startsWith(family) || r.contains("-" + family)) {
        return family;
      }
    }
    String fromRule = alias(r);
    return ALL.contains(fromRule) ? fromRule : c;
  }

  private static String alias(String s) {
    if (s.startsWith("google") || s.startsWith("gcp")) {
      return GCP;
    }
    if (s.contains("private-key") || s.startsWith("ssh-key") || s.startsWith("pgp")) {
      return PRIVATE_KEY;
    }
    if (s.startsWith("kube") || s.startsWith("k8s")) {
      return KUBERNETES;
    }
    if (s.startsWith("database") || s.startsWith("db-") || s.contains("connection-string")) {
      return s.contains("azure") ? AZURE : DATABASE_URL;
    }
    if (s.startsWith("generic") || s.contains("password") || s.contains("entropy")) {
      return GENERIC;
    }
    if (s.contains("hash") || s.startsWith("eicar") || s.startsWith("known-bad")) {
      return KNOWN_BAD_HASH;
    }
    if (s.contains("miner") || s.contains("mining") || s.contains("stratum")) {
      return CRYPTOMINER;
    }
    if (s.contains("reverse-shell") || s.contains("pipe-to-shell") || s.contains("suspicious")) {
      return SUSPICIOUS_COMMAND;
    }
    if (s.startsWith("docker")) {
      return DOCKER;
    }
    return s;
  }

  private static String normal(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
  }
}
