package dev.bulkhead.image.analyzer;

import java.nio.charset.StandardCharsets;

/**
 * Holds the fields Bulkhead needs from one RPM header and parses them from a header blob as rpm
 * stores it in its database (no lead, no magic).
 *
 * <p>Layout (big-endian, see <a
 * href="https://github.com/rpm-software-management/rpm/blob/master/docs/manual/format_header.md">the
 * header format</a>): index entry count {@code il}, data length {@code dl}, {@code il} index
 * entries of 16 bytes (tag, type, offset, count), then {@code dl} bytes of data store. Every offset
 * is checked against the data store, so a hostile blob gives a {@link MalformedDataException}.
 *
 * @param name NAME (tag 1000)
 * @param version VERSION (1001)
 * @param release RELEASE (1002)
 * @param epoch EPOCH (1003), or null when absent
 * @param arch ARCH (1022), or null
 * @param sourceRpm SOURCERPM (1044), e.g. {@code bash-5.1-2.el9.src.rpm}, or null
 */
record RpmHeader(
    String name, String version, String release, Integer epoch, String arch, String sourceRpm) {
  static final int TAG_NAME = 1000;
  static final int TAG_VERSION = 1001;
  static final int TAG_RELEASE = 1002;
  static final int TAG_EPOCH = 1003;
  static final int TAG_ARCH = 1022;
  static final int TAG_SOURCERPM = 1044;
  static final int TYPE_INT32 = 4;
  static final int TYPE_STRING = 6;
  static final int TYPE_STRING_ARRAY = 8;
  static final int TYPE_I18NSTRING = 9;

  /** rpm's own limits (hdrchkTags, hdrchkData in lib/header.c). */
  static final int MAX_TAGS = 0xffff;

  static final int MAX_DATA = 0x0fffffff;
  private static final int MAX_STRING = 64 * 1024;

  /** Returns {@code [epoch:]version-release}. */
  String fullVersion() {
    return (epoch == null ? "" : epoch + ":") + version + "-" + release;
  }

  /** Parses the blob; throws when it is truncated, out of bounds or lacks NAME/VERSION/RELEASE. */
  static RpmHeader parse(byte[] blob) throws MalformedDataException {
    if (blob.length < 8) {
      throw new MalformedDataException("header of " + blob.length + " bytes is too short");
    }
    long il = readInt(blob, 0) & 0xffffffffL;
    long dl = readInt(blob, 4) & 0xffffffffL;
    if (il < 1 || il > MAX_TAGS || dl > MAX_DATA) {
      throw new MalformedDataException("header counts out of range (" + il + " tags, " + dl + ")");
    }
    long dataStart = 8 + il * 16;
    if (dataStart + dl > blob.length) {
      throw new MalformedDataException(
          "header claims " + (dataStart + dl) + " bytes but has " + blob.length);
    }
    String name = null;
    String version = null;
    String release = null;
    Integer epoch = null;
    String arch = null;
    String sourceRpm = null;
    for (int i = 0; i < il; i++) {
      int at = 8 + i * 16;
      int tag = readInt(blob, at);
      int type = readInt(blob, at + 4);
      long offset = readInt(blob, at + 8) & 0xffffffffL;
      switch (tag) {
        case TAG_NAME -> name = string(blob, tag, type, offset, (int) dataStart, dl);
        case TAG_VERSION -> version = string(blob, tag, type, offset, (int) dataStart, dl);
        case TAG_RELEASE -> release = string(blob, tag, type, offset, (int) dataStart, dl);
        case TAG_ARCH -> arch = string(blob, tag, type, offset, (int) dataStart, dl);
        case TAG_SOURCERPM -> sourceRpm = string(blob, tag, type, offset, (int) dataStart, dl);
        case TAG_EPOCH -> {
          if (type != TYPE_INT32 || offset + 4 > dl || readInt(blob, at + 12) < 1) {
            throw new MalformedDataException("EPOCH entry has bad type, offset or count");
          }
          epoch = readInt(blob, (int) (dataStart + offset));
        }
        default -> {}
      }
    }
    if (name == null || version == null || release == null) {
      throw new MalformedDataException("header lacks NAME, VERSION or RELEASE");
    }
    return new RpmHeader(name, version, release, epoch, arch, sourceRpm);
  }

  private static String string(byte[] blob, int tag, int type, long offset, int dataStart, long dl)
      throws MalformedDataException {
    if (type != TYPE_STRING && type != TYPE_STRING_ARRAY && type != TYPE_I18NSTRING) {
      throw new MalformedDataException("tag " + tag + " has type " + type + ", not a string");
    }
    if (offset >= dl) {
      throw new MalformedDataException("tag " + tag + " points outside the data store");
    }
    int start = dataStart + (int) offset;
    int limit = (int) Math.min(dataStart + dl, (long) start + MAX_STRING);
    for (int end = start; end < limit; end++) {
      if (blob[end] == 0) {
        return new String(blob, start, end - start, StandardCharsets.UTF_8);
      }
    }
    throw new MalformedDataException("tag " + tag + " string is not terminated");
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }
}
