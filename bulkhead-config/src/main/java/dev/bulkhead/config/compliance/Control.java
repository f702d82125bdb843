package dev.bulkhead.config.compliance;

import java.util.List;
import java.util.Locale;

/**
 * One control of a compliance framework.
 *
 * @param id the framework's own id, e.g. {@code 5.5} (CIS) or {@code runningAsNonRoot} (PSS)
 * @param title the framework's title for it
 * @param section the part of the framework it belongs to, e.g. {@code 5 Container Runtime}
 * @param automated whether Bulkhead rules decide it; a manual control needs a person to review it
 *     and never counts towards the score
 * @param tags the {@code Rule.frameworks} entries that map a rule to this control, compared
 *     case-insensitively; the first is {@code <framework>:<id>}
 */
public record Control(
    String id, String title, String section, boolean automated, List<String> tags) {
  public Control {
    tags = tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
  }

  /** Whether a rule with these framework mappings decides this control. */
  public boolean mappedBy(List<String> frameworks) {
    for (String f : frameworks) {
      if (tags.contains(f.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
