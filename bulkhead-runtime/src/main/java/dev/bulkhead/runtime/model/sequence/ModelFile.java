package dev.bulkhead.runtime.model.sequence;

import dev.bulkhead.core.BulkheadException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Saves and loads {@link SequenceModel}s in a versioned binary file (gzip-compressed).
 *
 * <p>Layout: magic {@code BHSEQ}, format version (int), model kind (UTF), stream threshold and
 * trace threshold (doubles), the model body, and the magic again as an end marker. A file of
 * another version is refused with a message saying to learn the model again.
 */
public final class ModelFile {
  /** The format version this build writes and reads. */
  public static final int VERSION = 3;

  /** The oldest format version this build still reads (2: ngram-markov without escape). */
  public static final int OLDEST_READ = 2;

  private static final String MAGIC = "BHSEQ";

  /** Largest table a model file may declare, against corrupt or hostile files. */
  static final int MAX_ENTRIES = 50_000_000;

  private ModelFile() {}

  /**
   * Writes {@code model} to {@code file} atomically (through a temporary file beside it).
   *
   * @throws BulkheadException if the file cannot be written
   */
  public static void save(SequenceModel model, Path file) throws BulkheadException {
    Path dir = file.toAbsolutePath().getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = Files.createTempFile(dir, ".bhseq", ".tmp");
      try (OutputStream os = Files.newOutputStream(tmp);
          DataOutputStream out =
              new DataOutputStream(
                  new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16), 1 << 16))) {
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(model.name());
        out.writeDouble(model.threshold());
        out.writeDouble(model.traceThreshold());
        model.writeBody(out);
        out.writeUTF(MAGIC);
      } catch (IOException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new BulkheadException("cannot write model " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a model from {@code file}.
   *
   * @throws BulkheadException if the file is missing, not a model file, of another version, or
   *     corrupt
   */
  public static SequenceModel load(Path file) throws BulkheadException {
    if (!Files.isRegularFile(file)) {
      throw new BulkheadException(
          "model " + file + " not found; learn one with `bulkhead runtime learn --model FILE`");
    }
    try (InputStream is = Files.newInputStream(file)) {
      return read(is, file.toString());
    } catch (IOException e) {
      throw new BulkheadException("cannot read model " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a model from {@code raw} (the gzip'd file's bytes); {@code label} names it in errors.
   *
   * @throws BulkheadException if it is not a model file, of another version, or corrupt
   */
  public static SequenceModel read(InputStream raw, String label) throws BulkheadException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16))) {
      if (!MAGIC.equals(in.readUTF())) {
        throw new BulkheadException(label + " is not a Bulkhead sequence model file");
      }
      int version = in.readInt();
      if (version < OLDEST_READ || version > VERSION) {
        throw new BulkheadException(
            "model "
                + label
                + " has format version "
                + version
                + " but this build reads versions "
                + OLDEST_READ
                + " to "
                + VERSION
                + "; learn the model again");
      }
      String kind = in.readUTF();
      double threshold = in.readDouble();
      double traceThreshold = in.readDouble();
      SequenceModel model =
          switch (kind) {
            case Stide.KIND -> Stide.readBody(in, threshold, traceThreshold);
            case NgramModel.KIND -> NgramModel.readBody(in, version, threshold, traceThreshold);
            case GruModel.KIND -> GruModel.readBody(in, threshold, traceThreshold);
            default ->
                throw new BulkheadException(
                    "model " + label + " has unknown kind '" + kind + "'; learn the model again");
          };
      if (!MAGIC.equals(in.readUTF())) {
        throw new BulkheadException("model " + label + " is corrupt (no end marker)");
      }
      return model;
    } catch (EOFException e) {
      throw new BulkheadException("model " + label + " is truncated; learn the model again", e);
    } catch (IOException e) {
      throw new BulkheadException("cannot read model " + label + ": " + e.getMessage(), e);
    }
  }

  static void writeMap(DataOutputStream out, LongIntMap map) throws IOException {
    long[] keys = map.keys();
    int[] values = map.values();
    out.writeInt(keys.length);
    for (int i = 0; i < keys.length; i++) {
      out.writeLong(keys[i]);
      out.writeInt(values[i]);
    }
  }

  static LongIntMap readMap(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_ENTRIES) {
      throw new IOException("table size " + n + " out of range");
    }
    LongIntMap map = new LongIntMap(Math.min(n, 1 << 16)); // grows; a hostile count costs nothing
    for (int i = 0; i < n; i++) {
      long key = in.readLong();
      int value = in.readInt();
      map.add(key, value);
    }
    return map;
  }
}
