package dev.bulkhead.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a rule set over a byte buffer: one Aho-Corasick pass finds every rule's keywords, then each
 * rule whose keywords occurred runs its regex only over the lines around those hits.
 *
 * <p>Immutable and thread-safe; per-call scratch state lives in {@link Scratch}.
 */
final class RuleEngine {
  /**
   * The most keyword hits (one per line) remembered per rule and file; beyond it the rule scans
   * everything.
   */
  static final int MAX_HITS = 65_536;

  /** How far a region may reach past a hit along one long line, in bytes. */
  static final int MAX_REACH = 4096;

  /** How far a multi-line region may reach past a hit in total, in bytes. */
  static final int MAX_WINDOW = 64 * 1024;

  /** The category of catch-all rules that yield to specific ones on the same secret. */
  static final String GENERIC = "generic";

  /** One secret found: rule index, where the match starts, where the secret lies. */
  record Match(int rule, int matchStart, int secretStart, int secretEnd) {}

  private final List<SecretRule> rules;
  private final AhoCorasick automaton;
  private final int[][] keywordRules; // keyword id -> rule indexes
  private final List<Pattern> globalPaths;
  private final List<Pattern> placeholders;

  RuleEngine(List<SecretRule> rules, List<Pattern> globalPaths, List<Pattern> placeholders) {
    this.rules = List.copyOf(rules);
    this.globalPaths = List.copyOf(globalPaths);
    this.placeholders = List.copyOf(placeholders);
    Map<String, List<Integer>> byKeyword = new HashMap<>();
    List<String> keywords = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      for (String k : rules.get(r).keywords()) {
        List<Integer> owners = byKeyword.get(k);
        if (owners == null) {
          owners = new ArrayList<>();
          byKeyword.put(k, owners);
          keywords.add(k);
        }
        if (!owners.contains(r)) {
          owners.add(r);
        }
      }
    }
    this.automaton = AhoCorasick.of(keywords);
    this.keywordRules = new int[keywords.size()][];
    for (int k = 0; k < keywords.size(); k++) {
      keywordRules[k] = byKeyword.get(keywords.get(k)).stream().mapToInt(i -> i).toArray();
    }
  }

  List<SecretRule> rules() {
    return rules;
  }

  List<Pattern> placeholders() {
    return placeholders;
  }

  /** Tells whether the global allow-list excludes a path from every rule. */
  boolean pathAllowed(String path) {
    for (Pattern p : globalPaths) {
      if (p.matcher(path).find()) {
        return true;
      }
    }
    return false;
  }

  /** Per-thread reusable state: keyword hits per rule. */
  static final class Scratch {
    int[][] hits = new int[0][];
    int[] counts = new int[0];
    int[] lineEnds = new int[0];

    void reset(int ruleCount) {
      if (hits.length < ruleCount) {
        hits = Arrays.copyOf(hits, ruleCount);
        counts = new int[ruleCount];
        lineEnds = new int[ruleCount];
      }
      Arrays.fill(counts, 0);
    }
  }

  /** Finds the secrets in {@code buf[0, len)} of the file at {@code path}, in offset order. */
  List<Match> find(byte[] buf, int len, String path, Scratch scratch) {
    int n = rules.size();
    scratch.reset(n);
    int[][] hits = scratch.hits;
    int[] counts = scratch.counts;
    int[] lineEnds = scratch.lineEnds;
    automaton.scan(
        buf,
        0,
        len,
        (keyword, end) -> {
          int start = end - automaton.length(keyword);
          for (int r : keywordRules[keyword]) {
            int c = counts[r];
            if (c > MAX_HITS || (c > 0 && start < lineEnds[r])) {
              continue; // overflowed, or on the line of the last kept hit: same region
            }
            if (c == MAX_HITS) {
              counts[r] = c + 1; // overflow: scan the whole buffer
              continue;
            }
            if (hits[r] == null || hits[r].length == c) {
              hits[r] = hits[r] == null ? new int[16] : Arrays.copyOf(hits[r], c * 2);
            }
            hits[r][c] = start;
            counts[r] = c + 1;
            int e = linesForward(buf, len, start, 0);
            // Only a real line end makes later hits redundant; a capped long line does not.
            lineEnds[r] = e < len && buf[e] != '\n' ? start + 1 : e;
          }
        });
    List<Match> out = new ArrayList<>();
    ByteChars chars = new ByteChars(buf, 0, len);
    for (int r = 0; r < n; r++) {
      if (counts[r] == 0) {
        continue;
      }
      SecretRule rule = rules.get(r);
      if (matchesAny(rule.allowPaths(), path)) {
        continue;
      }
      Matcher m = rule.regex().matcher(chars);
      m.useTransparentBounds(true);
      if (counts[r] > MAX_HITS) {
        scanRegion(m, r, 0, len, chars, out);
        continue;
      }
      int regionStart = -1;
      int regionEnd = -1;
      for (int i = 0; i < counts[r]; i++) {
        int hit = hits[r][i];
        int s = linesBack(buf, hit, rule.linesBefore());
        int e = linesForward(buf, len, hit, rule.linesAfter());
        if (regionStart >= 0 && s <= regionEnd) {
          regionEnd = Math.max(regionEnd, e);
        } else {
          if (regionStart >= 0) {
            scanRegion(m, r, regionStart, regionEnd, chars, out);
          }
          regionStart = s;
          regionEnd = e;
        }
      }
      scanRegion(m, r, regionStart, regionEnd, chars, out);
    }
    dropGenericOverlaps(out);
    out.sort(
        (a, b) ->
            a.matchStart() != b.matchStart()
                ? Integer.compare(a.matchStart(), b.matchStart())
                : Integer.compare(a.rule(), b.rule()));
    return out;
  }

  private void scanRegion(Matcher m, int r, int start, int end, ByteChars chars, List<Match> out) {
    try {
      scanRegionUnguarded(m, r, start, end, chars, out);
    } catch (StackOverflowError e) {
      // A pattern with a repeated alternation recurses once per character in java.util.regex;
      // fail this file with a message the walker reports, instead of the whole scan.
      throw new IllegalStateException(
          "secret rule "
              + rules.get(r).id()
              + " overflowed the regex engine on this file; simplify its pattern (use one"
              + " character class instead of a repeated alternation)",
          e);
    }
  }

  private void scanRegionUnguarded(
      Matcher m, int r, int start, int end, ByteChars chars, List<Match> out) {
    SecretRule rule = rules.get(r);
    m.region(start, end);
    int lastSecret = -1;
    while (m.find()) {
      int g = rule.secretGroup();
      int ss = m.start(g);
      int se = m.end(g);
      if (ss < 0 || se <= ss || ss == lastSecret) {
        continue;
      }
      CharSequence secret = chars.subSequence(ss, se);
      if (rule.entropy() > 0 && Entropy.shannon(secret) < rule.entropy()) {
        continue;
      }
      if (matchesAny(rule.allowValues(), secret)
          || (rule.placeholders() && matchesAny(placeholders, secret))) {
        continue;
      }
      if (!rule.allowLines().isEmpty() && lineAllowed(rule, chars, m.start())) {
        continue;
      }
      if (!duplicate(out, r, ss)) {
        out.add(new Match(r, m.start(), ss, se));
      }
      lastSecret = ss;
    }
  }

  /** Drops generic-rule matches whose secret a specific rule already reports. */
  private void dropGenericOverlaps(List<Match> out) {
    if (out.size() < 2) {
      return;
    }
    out.removeIf(
        g ->
            GENERIC.equals(rules.get(g.rule()).category())
                && out.stream()
                    .anyMatch(
                        o ->
                            !GENERIC.equals(rules.get(o.rule()).category())
                                && o.secretStart() < g.secretEnd()
                                && g.secretStart() < o.secretEnd()));
  }

  private static boolean lineAllowed(SecretRule rule, ByteChars chars, int pos) {
    int s = pos;
    while (s > 0 && pos - s < MAX_REACH && chars.charAt(s - 1) != '\n') {
      s--;
    }
    int e = pos;
    while (e < chars.length() && e - pos < MAX_REACH && chars.charAt(e) != '\n') {
      e++;
    }
    return matchesAny(rule.allowLines(), chars.subSequence(s, e));
  }

  private static boolean duplicate(List<Match> out, int r, int secretStart) {
    for (int i = out.size() - 1; i >= 0 && i >= out.size() - 8; i--) {
      Match x = out.get(i);
      if (x.rule() == r && x.secretStart() == secretStart) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAny(List<Pattern> patterns, CharSequence s) {
    for (Pattern p : patterns) {
      if (p.matcher(s).find()) {
        return true;
      }
    }
    return false;
  }

  /** Returns the start of the line {@code lines} lines above the one holding {@code pos}. */
  static int linesBack(byte[] buf, int pos, int lines) {
    int limit = Math.max(0, pos - (lines == 0 ? MAX_REACH : MAX_WINDOW));
    int i = pos;
    int seen = 0;
    while (i > limit) {
      if (buf[i - 1] == '\n') {
        if (seen == lines) {
          return i;
        }
        seen++;
      }
      i--;
    }
    return limit;
  }

  /** Returns the end of the line {@code lines} lines below the one holding {@code pos}. */
  static int linesForward(byte[] buf, int len, int pos, int lines) {
    int limit = (int) Math.min(len, (long) pos + (lines == 0 ? MAX_REACH : MAX_WINDOW));
    int seen = 0;
    for (int i = pos; i < limit; i++) {
      if (buf[i] == '\n') {
        if (seen == lines) {
          return i;
        }
        seen++;
      }
    }
    return limit;
  }
}
