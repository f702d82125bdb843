package dev.bulkhead.core;

/**
 * Describes one filesystem layer of an image.
 *
 * @param index position from the bottom, starting at 0
 * @param digest the digest of the layer blob as stored (compressed for registries), or the diff id
 *     where the blob is stored uncompressed
 * @param diffId the digest of the uncompressed layer tar, as listed in the config's {@code
 *     rootfs.diff_ids}; the layer's identity in reports, the same whichever source carried it
 * @param createdBy the {@code created_by} command of the non-empty history entry for this layer, or
 *     {@code null}
 * @param size the blob size in bytes, or -1 when unknown
 */
public record Layer(int index, String digest, String diffId, String createdBy, long size) {}
