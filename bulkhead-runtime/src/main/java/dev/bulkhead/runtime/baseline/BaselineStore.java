package dev.bulkhead.runtime.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.core.io.LimitedInputStream;
import dev.bulkhead.runtime.model.sequence.ModelFile;
import dev.bulkhead.runtime.model.sequence.SequenceModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps baselines as JSON files in one directory, one per {@link WorkloadId} ({@code
 * <name>-<hash>.baseline.json}), each with its system-call sequence model, when one was learned, in
 * a {@link ModelFile} beside it named after its content ({@code <name>-<hash>-<sha256
 * prefix>.seq.bhseq}) that the JSON names with its sha256. Saves are serialised and atomic: the
 * model goes to its own new file, then the JSON (temporary file, then rename) names it, then model
 * files the JSON no longer names are deleted, so a crash or two monitors of one workload saving at
 * once never leave a JSON naming another model. Reads are bounded and check the schema version and
 * that the file belongs to the workload asked for; the model file is read once, its digest checked
 * against the JSON's and the same bytes parsed.
 *
 * <p>Schema version 2 added the sequence model; version-1 files still load, without one.
 */
public final class BaselineStore {
  /** Largest baseline file read. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  /** Largest sequence model file read (read into memory once, checked, then parsed). */
  public static final long MAX_MODEL_BYTES = 256L * 1024 * 1024;

  /** What a model file name in a baseline may look like: a plain name in the same directory. */
  private static final Pattern MODEL_FILE_NAME =
      Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,200}");

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
   * The sequence model file the saved baseline of {@code id} names, if it has one.
   *
   * @throws BulkheadException when the baseline cannot be read
   */
  public Optional<Path> modelFileOf(WorkloadId id) throws BulkheadException {
    Optional<Baseline> b = load(id);
    if (b.isEmpty() || b.get().sequenceModel() == null) {
      return Optional.empty();
    }
    return Optional.of(dir.resolve(b.get().sequenceModel().file()));
  }

  /** Model files of {@code stem}: this build's content-named ones and the older fixed name. */
  private static Pattern modelFilesOf(String stem) {
    return Pattern.compile(Pattern.quote(stem) + "(-[0-9a-f]{12})?\\.seq\\.bhseq");
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
    if (version < Baseline.OLDEST_READABLE_VERSION || version > Baseline.SCHEMA_VERSION) {
      throw new BulkheadException(
          "baseline "
              + file
              + " has schema version "
              + version
              + ", this build reads versions "
              + Baseline.OLDEST_READABLE_VERSION
              + " to "
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
    if (version < 2 && b.sequenceModel() != null) {
      b = b.withSequenceModel(null); // version 1 had no sequence model; ignore a stray field
    }
    if (b.sequenceModel() != null) {
      checkModelFile(file, b.sequenceModel());
    }
    return Optional.of(b);
  }

  /**
   * Loads the sequence model {@code b} names (a baseline from {@link #load}), checking its digest
   * again.
   *
   * @return the model, or {@code null} when the baseline has none
   * @throws BulkheadException when the model file is missing, altered, truncated or unreadable
   */
  public SequenceModel loadSequenceModel(Baseline b) throws BulkheadException {
    Baseline.SequenceModelRef ref = b.sequenceModel();
    if (ref == null) {
      return null;
    }
    Path json = fileOf(b.workload());
    Path model = checkModelFile(json, ref);
    byte[] bytes = readModel(model, json);
    String actual = Digests.sha256(bytes);
    if (!actual.equals(ref.sha256())) {
      throw new BulkheadException(
          "sequence model "
              + model
              + " of baseline "
              + json
              + " has digest "
              + actual
              + " but the baseline recorded "
              + ref.sha256()
              + " (altered, truncated or from another baseline); delete "
              + json
              + " and learn again");
    }
    try {
      return ModelFile.read(new ByteArrayInputStream(bytes), model.toString());
    } catch (BulkheadException e) {
      throw new BulkheadException(
          "baseline "
              + json
              + ": its sequence model "
              + model
              + " cannot be loaded ("
              + e.getMessage()
              + "); delete both files to learn again",
          e);
    }
  }

  /** Resolves the model file {@code ref} names and checks that it is a plain file beside it. */
  private Path checkModelFile(Path json, Baseline.SequenceModelRef ref) throws BulkheadException {
    String again = "; delete " + json + " and learn again";
    if (!MODEL_FILE_NAME.matcher(ref.file()).matches()) {
      throw new BulkheadException(
          "baseline "
              + json
              + " names the sequence model file '"
              + ref.file()
              + "', which is not a plain file name in its directory"
              + again);
    }
    Path model = dir.resolve(ref.file());
    if (!Files.isRegularFile(model)) {
      throw new BulkheadException(
          "baseline "
              + json
              + " needs its sequence model "
              + model
              + ", which is missing"
              + again
              + " (keep the .seq.bhseq file beside the .baseline.json)");
    }
    return model;
  }

  private static byte[] readModel(Path model, Path json) throws BulkheadException {
    try (InputStream in =
        new LimitedInputStream(
            Files.newInputStream(model), MAX_MODEL_BYTES, "sequence model " + model)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new BulkheadException(
          "cannot read sequence model "
              + model
              + " of baseline "
              + json
              + ": "
              + e.getMessage()
              + "; delete both files to learn again",
          e);
    }
  }

  /**
   * Saves {@code b} atomically, replacing an earlier baseline of the same workload, without a
   * sequence model (an earlier one is deleted).
   */
  public Path save(Baseline b) throws BulkheadException {
    return save(b, null);
  }

  /**
   * Saves {@code b} with its sequence model {@code model} (null: none) atomically, replacing an
   * earlier baseline of the same workload: the model goes to {@link #modelFileOf}, then the JSON
   * (always in the current {@link Baseline#SCHEMA_VERSION}), which records the model file's name
   * and sha256.
   *
   * @return the baseline's JSON file
   */
  public synchronized Path save(Baseline b, SequenceModel model) throws BulkheadException {
    Path file = fileOf(b.workload());
    String stem = b.workload().fileStem();
    Path keep = null;
    Baseline stored;
    if (model == null) {
      stored = b.withSequenceModel(null);
    } else {
      Path staged = null;
      try {
        Files.createDirectories(dir);
        staged = Files.createTempFile(dir, ".seq", ".tmp");
        ModelFile.save(model, staged);
        String digest = Digests.sha256(readModel(staged, file));
        keep = dir.resolve(stem + "-" + digest.substring("sha256:".length(), 19) + ".seq.bhseq");
        Files.move(staged, keep, StandardCopyOption.REPLACE_EXISTING);
        stored =
            b.withSequenceModel(
                new Baseline.SequenceModelRef(keep.getFileName().toString(), digest, model.name()));
      } catch (IOException e) {
        throw new BulkheadException(
            "cannot save baseline "
                + file
                + ": "
                + e.getMessage()
                + "; is --baseline-dir writable?",
            e);
      } finally {
        deleteQuietly(staged);
      }
    }
    writeJson(file, stored.withSchemaVersion(Baseline.SCHEMA_VERSION));
    deleteStaleModels(stem, keep, file);
    return file;
  }

  /** Deletes the model files of {@code stem} other than {@code keep} (the one the JSON names). */
  private void deleteStaleModels(String stem, Path keep, Path json) throws BulkheadException {
    Pattern mine = modelFilesOf(stem);
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (mine.matcher(name).matches() && (keep == null || !f.equals(keep))) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new BulkheadException(
          "saved baseline " + json + " but cannot delete its stale model files: " + e, e);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a leftover temporary file; harmless
    }
  }

  private void writeJson(Path file, Baseline b) throws BulkheadException {
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
  }
}
