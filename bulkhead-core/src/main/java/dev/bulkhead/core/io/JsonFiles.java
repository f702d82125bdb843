package dev.bulkhead.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
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
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new BulkheadException(
            what + " " + file + " is " + size + " bytes, more than the " + maxBytes + " accepted");
      }
      try (InputStream in =
          new LimitedInputStream(Files.newInputStream(file), maxBytes, what + " " + file)) {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || root.isMissingNode()) {
          throw new BulkheadException(what + " " + file + " is empty; pass a JSON document");
        }
        return root;
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
