package dev.bulkhead.config.compliance;

import java.util.List;
import java.util.Locale;

/**
 * A compliance framework: its controls and where it is published. Obtain one with {@link
 * #of(String)}.
 *
 * @param id the name used on the command line ({@code --compliance cis-docker})
 * @param name the framework's own name
 * @param version the edition whose control ids and titles are used
 * @param reference where the framework is published
 */
public record Framework(
    String id, String name, String version, String reference, List<Control> controls) {
  public Framework {
    controls = List.copyOf(controls);
  }

  /** The ids {@link #of(String)} accepts. */
  public static List<String> ids() {
    return Frameworks.IDS;
  }

  /**
   * Returns the framework with this id.
   *
   * @throws IllegalArgumentException naming the valid ids when there is none
   */
  public static Framework of(String id) {
    Framework f = Frameworks.byId(id.toLowerCase(Locale.ROOT));
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown compliance framework '" + id + "'; choose one of " + String.join(", ", ids()));
    }
    return f;
  }
}
