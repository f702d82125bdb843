package dev.bulkhead.image.source;

/** Builds the short progress label of a layer, e.g. {@code layer 2/5 sha256:ab12cd34ef56…}. */
public final class LayerLabel {
  private LayerLabel() {}

  /**
   * Returns the label.
   *
   * @param index the layer position, starting at 1
   * @param count the number of layers, or -1 when not yet known
   * @param digest the blob digest, or any other name of the layer
   */
  public static String of(int index, int count, String digest) {
    String name = digest;
    if (digest != null && digest.startsWith("sha256:") && digest.length() > 19) {
      name = digest.substring(0, 19) + "\u2026";
    }
    return "layer " + index + (count >= 0 ? "/" + count : "") + (name == null ? "" : " " + name);
  }
}
