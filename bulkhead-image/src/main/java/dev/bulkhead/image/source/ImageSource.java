package dev.bulkhead.image.source;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.spi.Progress;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one image from wherever it is kept (registry, docker-archive, OCI layout, directory).
 *
 * <p>A source streams each layer exactly once, in whatever order its storage makes cheapest (a
 * {@code docker save} tar may put the manifest last), and returns the metadata that orders them.
 * Sources verify blob digests they know of and fail on a mismatch. Sources report progress per
 * layer: {@code start("layer i/n sha256:abcd…", blobSize)}, {@code advance(bytes)}, {@code
 * finish()} ({@link ProgressInputStream} and {@link LayerLabel} help).
 */
public interface ImageSource extends AutoCloseable {

  /**
   * Streams every layer to {@code handler} and returns the image metadata.
   *
   * @param handler receives each layer's uncompressed tar stream; the stream is valid only during
   *     the call
   * @throws BulkheadException when the image cannot be read; the message names the image and what
   *     to try
   */
  ImageMetadata read(LayerHandler handler, Progress progress) throws BulkheadException;

  @Override
  void close() throws IOException;

  /** Receives layer streams. */
  @FunctionalInterface
  interface LayerHandler {
    /**
     * Consumes one layer.
     *
     * @param key the layer's key, as listed in {@link ImageMetadata#layers()}
     * @param uncompressedTar the decompressed layer tar; the handler need not read it to the end
     */
    void layer(String key, InputStream uncompressedTar) throws IOException, BulkheadException;

    /**
     * Consumes one layer whose diff id the source already knows to be right: the layer was stored
     * uncompressed, so its blob digest is its diff id, and the source verifies that digest over
     * these very bytes before {@link ImageSource#read} returns (failing the read otherwise). The
     * handler need not hash the bytes again.
     *
     * @param verifiedDiffId the diff id, or {@code null} when the source does not know it
     */
    default void layer(String key, InputStream uncompressedTar, String verifiedDiffId)
        throws IOException, BulkheadException {
      layer(key, uncompressedTar);
    }

    /**
     * Consumes one layer given as files rather than a tar (an unpacked root filesystem).
     *
     * @param key the layer's key, as listed in {@link ImageMetadata#layers()}
     * @param files the files; valid only during the call
     * @throws IOException always, unless overridden: this handler reads only layer tars
     */
    default void files(String key, FileTree files) throws IOException, BulkheadException {
      throw new IOException("this layer handler reads only layer tars, not file trees");
    }
  }
}
