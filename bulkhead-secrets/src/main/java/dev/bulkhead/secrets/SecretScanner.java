package dev.bulkhead.secrets;

import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.spi.ContentScanner;
import dev.bulkhead.core.spi.FileMeta;
import dev.bulkhead.core.spi.ImageMetadataView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds hard-coded secrets (cloud keys, tokens, private keys, passwords) in files and in image
 * metadata, driven by the rules in {@code secret-rules.yaml} plus an optional user rules file.
 *
 * <pre>{@code
 * SecretScanner scanner = SecretScanner.builder().userRules(Path.of("my-rules.yaml")).build();
 * }</pre>
 *
 * <p>Binary files (a NUL byte or invalid UTF-8 in the first 8 KiB) are reduced to their printable
 * ASCII runs of 8 or more bytes, and their findings carry line 0. Files over the size limit are not
 * read: {@link #scan} throws {@link FileSkippedException}. Thread-safe.
 */
public final class SecretScanner implements ContentScanner {
  /** The default largest file scanned, in bytes. */
  public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;

  private final RuleEngine engine;
  private final long maxFileSize;
  private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

  SecretScanner(RuleEngine engine, long maxFileSize) {
    this.engine = engine;
    this.maxFileSize = maxFileSize;
  }

  RuleEngine engine() {
    return engine;
  }

  /** Returns a builder holding the built-in rules and the default size limit. */
  public static SecretScannerBuilder builder() {
    return new SecretScannerBuilder();
  }

  /** Returns the rules in effect, built-in ones first, for listing. */
  public List<SecretRule> rules() {
    return engine.rules();
  }

  @Override
  public String id() {
    return "secret";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(FileMeta meta) {
    return meta.type() == FileMeta.Type.FILE && meta.size() > 0 && !engine.pathAllowed(meta.path());
  }

  @Override
  public List<ContentFinding> scan(FileMeta meta, InputStream content) throws IOException {
    if (engine.pathAllowed(meta.path())) {
      return List.of();
    }
    if (meta.size() > maxFileSize) {
      throw new FileSkippedException(meta.size(), maxFileSize);
    }
    Buffers b = buffers.get();
    int len = b.read(content, maxFileSize);
    if (len < 0) {
      throw new FileSkippedException(maxFileSize + 1, maxFileSize);
    }
    byte[] text = b.data;
    boolean binary = TextForm.isBinary(text, len);
    if (binary) {
      b.ensureRuns(len + 1);
      len = TextForm.printableRuns(b.data, len, b.runs);
      text = b.runs;
    }
    return findings(text, len, meta.path(), !binary, b.scratch);
  }

  @Override
  public List<ContentFinding> scanMetadata(ImageMetadataView metadata) {
    RuleEngine.Scratch scratch = buffers.get().scratch;
    List<ContentFinding> out = new ArrayList<>();
    out.addAll(text(String.join("\n", metadata.env()), "config:Env", scratch));
    out.addAll(text(String.join(" ", metadata.entrypoint()), "config:Entrypoint", scratch));
    out.addAll(text(String.join(" ", metadata.cmd()), "config:Cmd", scratch));
    StringBuilder labels = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(metadata.labels()).entrySet()) {
      labels.append(e.getKey()).append('=').append(e.getValue().replace('\n', ' ')).append('\n');
    }
    out.addAll(text(labels.toString(), "config:Labels", scratch));
    for (int i = 0; i < metadata.history().size(); i++) {
      out.addAll(text(metadata.history().get(i), "history[" + i + "]", scratch));
    }
    return out;
  }

  private List<ContentFinding> text(String s, String path, RuleEngine.Scratch scratch) {
    if (s.isEmpty()) {
      return List.of();
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return findings(bytes, bytes.length, path, true, scratch);
  }

  private List<ContentFinding> findings(
      byte[] buf, int len, String path, boolean lineBased, RuleEngine.Scratch scratch) {
    List<RuleEngine.Match> matches = engine.find(buf, len, path, scratch);
    if (matches.isEmpty()) {
      return List.of();
    }
    List<int[]> spans = new ArrayList<>();
    for (RuleEngine.Match m : matches) {
      spans.add(new int[] {m.secretStart(), m.secretEnd()});
    }
    spans.sort((a, c) -> Integer.compare(a[0], c[0]));
    List<ContentFinding> out = new ArrayList<>();
    int line = 1;
    int counted = 0;
    for (RuleEngine.Match m : matches) {
      for (; counted < m.matchStart(); counted++) {
        if (buf[counted] == '\n') {
          line++;
        }
      }
      SecretRule rule = engine.rules().get(m.rule());
      out.add(
          new ContentFinding(
              ContentFinding.SECRET,
              rule.id(),
              rule.category(),
              rule.severity(),
              rule.title(),
              path,
              lineBased ? line : 0,
              Excerpts.excerpt(buf, len, m.matchStart(), spans),
              null,
              null,
              null));
    }
    return out;
  }

  /** Per-thread buffers reused across files. */
  private static final class Buffers {
    byte[] data = new byte[64 * 1024];
    byte[] runs = new byte[0];
    final RuleEngine.Scratch scratch = new RuleEngine.Scratch();

    /** Reads the stream fully; returns its length, or -1 when it exceeds {@code max}. */
    int read(InputStream in, long max) throws IOException {
      int len = 0;
      while (true) {
        if (len == data.length) {
          if (len > max) {
            return -1;
          }
          data = java.util.Arrays.copyOf(data, (int) Math.min(max + 1, (long) len * 2));
          if (len == data.length) {
            return -1;
          }
        }
        int n = in.read(data, len, data.length - len);
        if (n < 0) {
          return len > max ? -1 : len;
        }
        len += n;
      }
    }

    void ensureRuns(int n) {
      if (runs.length < n) {
        runs = new byte[Math.max(n, runs.length * 2)];
      }
    }
  }
}
