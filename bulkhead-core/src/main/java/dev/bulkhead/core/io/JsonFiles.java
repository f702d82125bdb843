package dev.bulkhead.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a whole JSON document from a user-supplied file with bounds on its size, nesting and string
 * lengths, turning every failure into a {@link BulkheadException} that names the file.
 */
public final class JsonFiles {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(200)
                      .maxStringLength(1 << 20)
                      .maxNumberLength(100)
                      .build())
              .build());

  private JsonFiles() {}

  /**
   * Reads {@code file} as one JSON value.
   *
   * @param maxBytes the largest file accepted
   * @param what names the kind of file in messages, e.g. {@code SBOM}, {@code VEX document}
   * @throws BulkheadException when the file is missing, too large, not JSON or nested too deeply
   */
  public static JsonNode read(Path file, long maxBytes, String what) throws BulkheadException {
    return stream(
        file,
        maxBytes,
        what,
        parser -> {
          JsonNode root = parser.nextToken() == null ? null : MAPPER.readTree(parser);
          if (root == null || root.isMissingNode()) {
            throw new BulkheadException(what + " " + file + " is empty; pass a JSON document");
          }
          return root;
        });
  }

  /** Reads a JSON document token by token; see {@link #stream}. */
  @FunctionalInterface
  public interface ParserReader<T> {
    /** Reads what it needs from {@code parser}, which stands before the first token. */
    T read(JsonParser parser) throws IOException, BulkheadException;
  }

  /**
   * Hands a bounded streaming parser over {@code file} to {@code reader}, so a large document can
   * be read one part at a time ({@link JsonParser#readValueAsTree()} works on it).
   *
   * @param maxBytes the largest file accepted
   * @param what names the kind of file in messages, e.g. {@code SBOM}, {@code VEX document}
   * @throws BulkheadException when the file is missing, too large, not JSON or nested too deeply,
   *     or as {@code reader} throws
   */
  public static <T> T stream(Path file, long maxBytes, String what, ParserReader<T> reader)
      throws BulkheadException {
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new BulkheadException(
            what + " " + file + " is " + size + " bytes, more than the " + maxBytes + " accepted");
      }
      try (InputStream in =
              new LimitedInputStream(Files.newInputStream(file), maxBytes, what + " " + file);
          JsonParser parser = MAPPER.createParser(in)) {
        return reader.read(parser);
      }
    } catch (NoSuchFileException e) {
      throw new BulkheadException(what + " " + file + " not found; check the path");
    } catch (JsonParseException e) {
      throw new BulkheadException(
          what
              + " "
              + file
              + " is not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (JsonProcessingException e) {
      throw new BulkheadException(
          what + " " + file + " cannot be read as JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BulkheadException("read " + what + " " + file + " failed: " + e.getMessage(), e);
    }
  }
}
