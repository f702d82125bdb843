package dev.bulkhead.cli.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes corpus files under a root directory and records a label for every planted line. */
final class CorpusFiles {
  private final Path root;
  private final List<Label> labels = new ArrayList<>();

  CorpusFiles(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** Returns the labels recorded so far, in planting order. */
  List<Label> labels() {
    return List.copyOf(labels);
  }

  /** Starts a text file at {@code path} (relative, forward slashes). */
  Doc doc(String path) {
    return new Doc(path);
  }

  /** Writes raw bytes at {@code path}, labelled as a whole-file item of {@code family}. */
  void whole(String path, byte[] bytes, String family) throws IOException {
    write(path, bytes);
    labels.add(Label.of(path, 0, family));
  }

  /** Writes raw bytes at {@code path} without a label. */
  void write(String path, byte[] bytes) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  /** Builds one text file line by line; lines that carry a planted item get labels. */
  final class Doc {
    private final String path;
    private final StringBuilder text = new StringBuilder();
    private int lines;

    private Doc(String path) {
      this.path = path;
    }

    /** Appends lines that plant nothing. */
    Doc line(String... texts) {
      for (String t : texts) {
        for (String l : norm(t).split("\n", -1)) {
          text.append(l).append('\n');
          lines++;
        }
      }
      return this;
    }

    /** Appends a text whose first line carries an item {@code family} must find. */
    Doc secret(String family, String t) {
      line(t);
      labels.add(Label.of(path, lines - count(t) + 1, family));
      return this;
    }

    /** Marks the last line as one that {@code family} may also report. */
    Doc also(String family) {
      labels.add(Label.optional(path, lines, family));
      return this;
    }

    /** Marks the last line as one that {@code family} may report (not required). */
    Doc maybe(String family, String t) {
      line(t);
      labels.add(Label.optional(path, lines - count(t) + 1, family));
      return this;
    }

    /** Writes the file, optionally executable. */
    void write() throws IOException {
      CorpusFiles.this.write(path, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    void writeExecutable() throws IOException {
      write();
      root.resolve(path).toFile().setExecutable(true, false);
    }

    private int count(String t) {
      return norm(t).split("\n", -1).length;
    }

    private String norm(String t) {
      return t.endsWith("\n") ? t.substring(0, t.length() - 1) : t;
    }
  }
}
