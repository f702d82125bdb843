package dev.bulkhead.runtime.profile;

import dev.bulkhead.runtime.event.RuntimeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A behaviour profile of one workload: which programs run and who starts them, which path patterns
 * each program reads and writes, which peers and ports it connects to, binds and accepts, and which
 * system calls it makes, with how often each was seen while learning.
 *
 * <p>Scoring: a feature seen while learning scores at most {@link #SEEN_CEILING}, scaled by its
 * rarity {@code log((N+1)/(n+1)) / log(N+1)} (n its count, N its category's total), so learned
 * behaviour never alarms by itself but rare behaviour is visible in explanations. An unseen feature
 * scores by how close the profile came to it:
 *
 * <ul>
 *   <li>program never executed: 1.0; known program started by a new parent: 0.9
 *   <li>file: the program opened paths in the same directory in that mode, and that directory
 *       varies (at least {@link #VARIABLE_DIR} distinct names): 0.3; another program opened the
 *       same pattern in that mode: 0.6; the directory varies for other programs: 0.5; otherwise 1.0
 *   <li>connect: same program, port and /24 (or /64): 0.3; same program and port: 0.7; the port
 *       used by another program: 0.75; otherwise 1.0
 *   <li>bind: port bound by another program: 0.6, otherwise 1.0; accept by a new program: 0.9
 *   <li>system call new for the program: 0.5 (explains, does not alarm alone)
 * </ul>
 *
 * <p>Learning is bounded by {@link #MAX_FEATURES} distinct features; beyond that new features are
 * counted as overflow. Not thread-safe.
 */
public final class BehaviorProfile {
  /** Highest score a learned feature can get. */
  public static final double SEEN_CEILING = 0.5;

  /** Distinct names in a directory from which new names there are expected. */
  public static final int VARIABLE_DIR = 8;

  /** Upper bound on distinct learned features. */
  public static final int MAX_FEATURES = 200_000;

  private final Map<Category, Map<String, Long>> counts = new EnumMap<>(Category.class);
  private final Map<Category, Long> totals = new EnumMap<>(Category.class);
  private long events;
  private long overflow;
  private int distinct;
  private Index index;

  /** An empty profile. */
  public BehaviorProfile() {
    for (Category c : Category.values()) {
      counts.put(c, new HashMap<>());
      totals.put(c, 0L);
    }
  }

  /** Learns one event. */
  public void learn(RuntimeEvent e) {
    events++;
    for (Feature f : FeatureExtractor.features(e)) {
      Map<String, Long> m = counts.get(f.category());
      String key = f.key();
      Long n = m.get(key);
      if (n == null) {
        if (distinct >= MAX_FEATURES) {
          overflow++;
          continue;
        }
        distinct++;
        index = null;
      }
      m.put(key, n == null ? 1 : n + 1);
      totals.merge(f.category(), 1L, Long::sum);
    }
  }

  /** Events learned so far. */
  public long events() {
    return events;
  }

  /** Distinct features learned. */
  public int distinctFeatures() {
    return distinct;
  }

  /** Scores one event against what was learned. */
  public ProfileVerdict score(RuntimeEvent e) {
    List<Feature> features = FeatureExtractor.features(e);
    if (features.isEmpty()) {
      return ProfileVerdict.NORMAL;
    }
    if (index == null) {
      index = new Index(counts);
    }
    List<Deviation> out = new ArrayList<>(features.size());
    double max = 0;
    for (Feature f : features) {
      Deviation d = deviation(f);
      if (d.score() > 0) {
        out.add(d);
        max = Math.max(max, d.score());
      }
    }
    if (out.isEmpty()) {
      return ProfileVerdict.NORMAL;
    }
    out.sort(Comparator.comparingDouble(Deviation::score).reversed());
    return new ProfileVerdict(max, out);
  }

  private Deviation deviation(Feature f) {
    Long n = counts.get(f.category()).get(f.key());
    if (n != null) {
      long total = totals.get(f.category());
      double rarity = Math.log((total + 1.0) / (n + 1.0)) / Math.log(total + 1.0);
      return new Deviation(
          f.category(),
          f.program(),
          f.value(),
          n,
          SEEN_CEILING * rarity,
          "seen " + n + " of " + total + " times while learning");
    }
    switch (f.category()) {
      case PROGRAM:
        return unseen(f, 1.0, "program never executed while learning");
      case LINEAGE:
        if (index.programs.contains(f.value())) {
          return unseen(f, 0.9, "known program, but never started by " + f.program());
        }
        return unseen(f, 1.0, "new program started by " + f.program());
      case FILE:
        return fileDeviation(f);
      case CONNECT:
        return connectDeviation(f);
      case BIND:
        if (index.boundPorts.contains(f.value())) {
          return unseen(f, 0.6, "port bound while learning, but by another program");
        }
        return unseen(f, 1.0, "port never bound while learning");
      case ACCEPT:
        return unseen(f, 0.9, "program never accepted connections while learning");
      case SYSCALL:
        return unseen(f, 0.5, "system call never made by this program while learning");
      default:
        return unseen(f, 1.0, "never seen while learning");
    }
  }

  private Deviation fileDeviation(Feature f) {
    String value = f.value();
    boolean write = value.startsWith("w");
    String pattern = value.substring(2);
    String dir = PathPatterns.parent(pattern);
    String modeDir = value.substring(0, 2) + dir;
    String done = write ? "written" : "read";
    if (index.dirChildren.getOrDefault(f.program() + '\u0000' + modeDir, 0) >= VARIABLE_DIR) {
      return unseen(f, 0.3, "new name in " + dir + ", where this program has " + done + " many");
    }
    if (index.filesAny.contains(value)) {
      return unseen(f, 0.6, "path " + done + " while learning, but by other programs");
    }
    if (index.dirChildrenAny.getOrDefault(modeDir, 0) >= VARIABLE_DIR) {
      return unseen(f, 0.5, "new name in " + dir + ", where other programs have " + done + " many");
    }
    return unseen(f, 1.0, "path never " + done + " while learning");
  }

  private Deviation connectDeviation(Feature f) {
    String value = f.value();
    int colon = value.lastIndexOf(':');
    String port = value.substring(colon + 1);
    String addr = value.substring(0, colon);
    if (index.connectNets.contains(f.program() + '\u0000' + port + '\u0000' + net(addr))) {
      return unseen(f, 0.3, "new peer in a known network on a known port");
    }
    if (index.connectPorts.contains(f.program() + '\u0000' + port)) {
      return unseen(f, 0.7, "new peer on a port this program used");
    }
    if (index.connectPortsAny.contains(port)) {
      return unseen(f, 0.75, "port used while learning, but by another program");
    }
    return unseen(f, 1.0, "peer port never used while learning");
  }

  private static Deviation unseen(Feature f, double score, String reason) {
    return new Deviation(f.category(), f.program(), f.value(), 0, score, reason);
  }

  /** The network part of an address: /24 for IPv4, /64 for IPv6. */
  static String net(String addr) {
    if (addr.startsWith("[")) {
      String[] groups = addr.substring(1, addr.length() - 1).split(":");
      return String.join(":", java.util.Arrays.copyOf(groups, Math.min(4, groups.length)));
    }
    int dot = addr.lastIndexOf('.');
    return dot < 0 ? addr : addr.substring(0, dot);
  }

  /** The persistent form. */
  public ProfileSnapshot snapshot() {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (Map.Entry<Category, Map<String, Long>> e : counts.entrySet()) {
      out.put(e.getKey().name(), new TreeMap<>(e.getValue()));
    }
    return new ProfileSnapshot(out, events, overflow);
  }

  /**
   * Rebuilds a profile from its persistent form.
   *
   * @throws IllegalArgumentException for unknown categories, negative counts or too many features
   */
  public static BehaviorProfile restore(ProfileSnapshot s) {
    BehaviorProfile p = new BehaviorProfile();
    p.events = s.events();
    p.overflow = s.overflow();
    for (Map.Entry<String, Map<String, Long>> e : s.counts().entrySet()) {
      Category c = Category.valueOf(e.getKey());
      for (Map.Entry<String, Long> f : e.getValue().entrySet()) {
        long n = f.getValue() == null ? -1 : f.getValue();
        if (n <= 0 || f.getKey().indexOf('\u0000') < 0) {
          throw new IllegalArgumentException("bad " + c + " feature entry " + f.getKey());
        }
        if (++p.distinct > MAX_FEATURES) {
          throw new IllegalArgumentException("more than " + MAX_FEATURES + " features");
        }
        p.counts.get(c).put(f.getKey(), n);
        p.totals.merge(c, n, Long::sum);
      }
    }
    return p;
  }

  /** Lookups derived from the counts, rebuilt when the counts gain a feature. */
  private static final class Index {
    final Set<String> programs = new HashSet<>();
    final Map<String, Integer> dirChildren = new HashMap<>();
    final Map<String, Integer> dirChildrenAny = new HashMap<>();
    final Set<String> filesAny = new HashSet<>();
    final Set<String> connectNets = new HashSet<>();
    final Set<String> connectPorts = new HashSet<>();
    final Set<String> connectPortsAny = new HashSet<>();
    final Set<String> boundPorts = new HashSet<>();

    Index(Map<Category, Map<String, Long>> counts) {
      for (String k : counts.get(Category.PROGRAM).keySet()) {
        programs.add(k.substring(0, k.indexOf('\u0000')));
      }
      for (String k : counts.get(Category.FILE).keySet()) {
        int nul = k.indexOf('\u0000');
        String program = k.substring(0, nul);
        String value = k.substring(nul + 1);
        String modeDir = value.substring(0, 2) + PathPatterns.parent(value.substring(2));
        dirChildren.merge(program + '\u0000' + modeDir, 1, Integer::sum);
        if (filesAny.add(value)) {
          dirChildrenAny.merge(modeDir, 1, Integer::sum);
        }
      }
      for (String k : counts.get(Category.CONNECT).keySet()) {
        int nul = k.indexOf('\u0000');
        String program = k.substring(0, nul);
        String value = k.substring(nul + 1);
        int colon = value.lastIndexOf(':');
        String port = value.substring(colon + 1);
        connectNets.add(program + '\u0000' + port + '\u0000' + net(value.substring(0, colon)));
        connectPorts.add(program + '\u0000' + port);
        connectPortsAny.add(port);
      }
      for (String k : counts.get(Category.BIND).keySet()) {
        boundPorts.add(k.substring(k.indexOf('\u0000') + 1));
      }
    }
  }
}
