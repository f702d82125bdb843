package dev.bulkhead.image.analyzer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds rpm header blobs (index + data store) for tests, including deliberately broken ones. */
final class HeaderBuilder {
  private record Entry(int tag, int type, int offset, int count) {}

  private final List<Entry> entries = new ArrayList<>();
  private final ByteArrayOutputStream data = new ByteArrayOutputStream();

  HeaderBuilder string(int tag, String value) {
    entries.add(new Entry(tag, RpmHeader.TYPE_STRING, data.size(), 1));
    data.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    data.write(0);
    return this;
  }

  HeaderBuilder int32(int tag, int value) {
    while (data.size() % 4 != 0) {
      data.write(0);
    }
    entries.add(new Entry(tag, RpmHeader.TYPE_INT32, data.size(), 1));
    data.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
    return this;
  }

  /** Adds an index entry with arbitrary fields, e.g. an offset out of range. */
  HeaderBuilder raw(int tag, int type, int offset, int count) {
    entries.add(new Entry(tag, type, offset, count));
    return this;
  }

  HeaderBuilder nevra(String name, String version, String release) {
    return string(RpmHeader.TAG_NAME, name)
        .string(RpmHeader.TAG_VERSION, version)
        .string(RpmHeader.TAG_RELEASE, release);
  }

  byte[] build() {
    ByteBuffer b = ByteBuffer.allocate(8 + entries.size() * 16 + data.size());
    b.putInt(entries.size()).putInt(data.size());
    for (Entry e : entries) {
      b.putInt(e.tag()).putInt(e.type()).putInt(e.offset()).putInt(e.count());
    }
    b.put(data.toByteArray());
    return b.array();
  }
}
