package dev.bulkhead.runtime.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.io.LimitedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps baselines as JSON files in one directory, one per {@link WorkloadId} ({@code
 * <name>-<hash>.baseline.json}). Writes are atomic (temporary file, then rename); reads are bounded
 * and check the schema version and that the file belongs to the workload asked for.
 */
public final class BaselineStore {
  /** Largest baseline file read. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path dir;

  /** A store in {@code dir}, created on first save. */
  public BaselineStore(Path dir) {
    this.dir = dir;
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** The file the baseline of {@code id} lives in. */
  public Path fileOf(WorkloadId id) {
    return dir.resolve(id.fileStem() + ".baseline.json");
  }

  /**
   * Loads the baseline of {@code id}, if one was saved.
   *
   * @throws BulkheadException when the file exists but is unreadable, too large, of another schema
   *     version or another workload
   */
  public Optional<Baseline> load(WorkloadId id) throws BulkheadException {
    Path file = fileOf(id);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode tree;
    try (InputStream in =
        new LimitedInputStream(Files.newInputStream(file), MAX_BYTES, "baseline " + file)) {
      tree = JSON.readTree(in);
    } catch (IOException e) {
      throw new BulkheadException(
          "cannot read baseline "
              + file
              + ": "
              + e.getMessage()
              + "; delete it to learn again (baselines are at most "
              + MAX_BYTES / (1024 * 1024)
              + " MiB)",
          e);
    }
    int version = tree == null ? -1 : tree.path("schemaVersion").asInt(-1);
    if (version != Baseline.SCHEMA_VERSION) {
      throw new BulkheadException(
          "baseline "
              + file
              + " has schema version "
              + version
              + ", this build reads version "
              + Baseline.SCHEMA_VERSION
              + "; delete it (or use another --baseline-dir) to learn again");
    }
    Baseline b;
    try {
      b = JSON.treeToValue(tree, Baseline.class);
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      throw new BulkheadException(
          "baseline " + file + " is malformed: " + e.getMessage() + "; delete it to learn again",
          e);
    }
    if (!id.equals(b.workload())) {
      throw new BulkheadException(
          "baseline "
              + file
              + " belongs to "
              + b.workload()
              + ", not "
              + id
              + "; delete it to learn again");
    }
    return Optional.of(b);
  }

  /** Saves {@code b} atomically, replacing an earlier baseline of the same workload. */
  public Path save(Baseline b) throws BulkheadException {
    Path file = fileOf(b.workload());
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".baseline", ".tmp");
      try {
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), b);
        try {
          Files.move(
              tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new BulkheadException(
          "cannot save baseline " + file + ": " + e.getMessage() + "; is --baseline-dir writable?",
          e);
    }
    return file;
  }
}
