package dev.bulkhead.core.spi;

import java.io.InputStream;

/**
 * Carries one file to an {@link Analyzer}.
 *
 * @param path the path relative to the filesystem root, without a leading slash
 * @param size the size in bytes
 * @param content the file bytes; valid only during {@link Analyzer#analyze}, which must not close
 *     it
 */
public record AnalysisInput(String path, long size, InputStream content) {}
