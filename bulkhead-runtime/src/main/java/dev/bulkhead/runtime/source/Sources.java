package dev.bulkhead.runtime.source;

import dev.bulkhead.core.BulkheadException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Holds the offline readers by kind and reads a {@link SourceSpec} into traces. */
public final class Sources {
  private static final Map<String, TraceSource> BY_KIND = new LinkedHashMap<>();

  static {
    for (TraceSource s :
        List.of(
            new AdfaLdSource(),
            new LidDsSource(),
            new StraceSource(),
            new FalcoSource(),
            new TetragonSource())) {
      if (BY_KIND.put(s.kind(), s) != null) {
        throw new IllegalStateException("duplicate source kind " + s.kind());
      }
    }
  }

  private Sources() {}

  /** Returns the known kinds in a fixed order. */
  public static Set<String> kinds() {
    return BY_KIND.keySet();
  }

  /** Returns the reader for {@code kind}. */
  public static TraceSource get(String kind) {
    TraceSource s = BY_KIND.get(kind);
    if (s == null) {
      throw new IllegalArgumentException("unknown source kind " + kind);
    }
    return s;
  }

  /** Returns {@code KIND:PATH description} lines for help texts. */
  public static List<String> help() {
    List<String> lines = new ArrayList<>();
    BY_KIND.values().forEach(s -> lines.add(s.kind() + ":PATH  " + s.description()));
    return lines;
  }

  /**
   * Reads every trace of {@code spec} with the default limits.
   *
   * @throws BulkheadException if the recording cannot be read
   */
  public static List<Trace> readAll(SourceSpec spec) throws BulkheadException {
    return readAll(spec, SourceLimits.DEFAULT);
  }

  /**
   * Reads every trace of {@code spec}, bounded by {@code limits}.
   *
   * @throws BulkheadException if the recording cannot be read or breaks a limit
   */
  public static List<Trace> readAll(SourceSpec spec, SourceLimits limits) throws BulkheadException {
    List<Trace> traces = new ArrayList<>();
    long[] total = {0};
    BulkheadException[] over = {null};
    get(spec.kind())
        .read(
            spec.path(),
            limits,
            t -> {
              if (over[0] != null) {
                return;
              }
              total[0] += t.events().size();
              if (traces.size() >= limits.maxTraces()) {
                over[0] =
                    new BulkheadException(
                        "reading "
                            + spec
                            + ": more than "
                            + limits.maxTraces()
                            + " traces; split the recording");
              } else if (total[0] > limits.maxTotalEvents()) {
                over[0] =
                    new BulkheadException(
                        "reading "
                            + spec
                            + ": more than "
                            + limits.maxTotalEvents()
                            + " events; split the recording");
              } else {
                traces.add(t);
              }
            });
    if (over[0] != null) {
      throw over[0];
    }
    return traces;
  }
}
