package dev.bulkhead.secrets;

import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Configures a {@link SecretScanner}: size limit and an optional user rules file. */
public final class SecretScannerBuilder {
  /** The built-in rules resource, beside this class. */
  static final String BUILT_IN = "secret-rules.yaml";

  /** The largest accepted size limit. */
  static final long MAX_LIMIT = 1L << 30;

  private long maxFileSize = SecretScanner.DEFAULT_MAX_FILE_SIZE;
  private Path userRules;

  SecretScannerBuilder() {}

  /** Sets the largest file scanned, in bytes (1 to 1 GiB); larger files are skipped. */
  public SecretScannerBuilder maxFileSize(long bytes) {
    if (bytes < 1 || bytes > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "secret scanner size limit must be from 1 byte to 1 GiB, not " + bytes);
    }
    this.maxFileSize = bytes;
    return this;
  }

  /**
   * Adds a user rules file (same schema as the built-in rules, plus {@code disable: [ids]} and
   * global {@code allow-paths} / {@code allow-values}); {@code null} for none.
   */
  public SecretScannerBuilder userRules(Path yaml) {
    this.userRules = yaml;
    return this;
  }

  /**
   * Builds the scanner.
   *
   * @throws BulkheadException when the user rules file cannot be read or is invalid; the message
   *     names the file, the line and what is wrong
   */
  public SecretScanner build() throws BulkheadException {
    RuleFile.Parsed builtIn = RuleFile.parse(builtInText(), "built-in " + BUILT_IN);
    List<SecretRule> rules = new ArrayList<>(builtIn.rules());
    List<Pattern> paths = new ArrayList<>(builtIn.allowPaths());
    List<Pattern> values = new ArrayList<>(builtIn.allowValues());
    if (userRules != null) {
      RuleFile.Parsed user = RuleFile.parse(readUser(userRules), userRules.toString());
      Set<String> disable = new LinkedHashSet<>(user.disable());
      Set<String> known = new HashSet<>();
      rules.forEach(r -> known.add(r.id()));
      for (String id : disable) {
        if (!known.contains(id)) {
          throw new BulkheadException(
              "read secret rules "
                  + userRules
                  + " failed: disable names unknown rule '"
                  + id
                  + "'; list the rule ids with the secret rules listing");
        }
      }
      rules.removeIf(r -> disable.contains(r.id()));
      Set<String> ids = new HashSet<>();
      rules.forEach(r -> ids.add(r.id()));
      for (SecretRule r : user.rules()) {
        if (!ids.add(r.id())) {
          throw new BulkheadException(
              "read secret rules "
                  + r.source()
                  + " failed: rule id '"
                  + r.id()
                  + "' is built in; pick another id or add it to disable: to replace it");
        }
        rules.add(r);
      }
      paths.addAll(user.allowPaths());
      values.addAll(user.allowValues());
    }
    return new SecretScanner(new RuleEngine(rules, paths, values), maxFileSize);
  }

  private static String builtInText() throws BulkheadException {
    try (InputStream in = SecretScanner.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new BulkheadException(
            "load built-in secret rules failed: resource " + BUILT_IN + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BulkheadException("load built-in secret rules failed: " + e.getMessage(), e);
    }
  }

  private static String readUser(Path file) throws BulkheadException {
    try {
      long size = Files.size(file);
      if (size > RuleFile.MAX_CHARS) {
        throw new BulkheadException(
            "read secret rules "
                + file
                + " failed: "
                + size
                + " bytes is over the limit of "
                + RuleFile.MAX_CHARS);
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BulkheadException(
          "read secret rules " + file + " failed: " + e + "; check the path passed", e);
    }
  }
}
