package dev.bulkhead.runtime.profile;

import java.util.Objects;

/**
 * One observable fact about an event, as a profile counts it.
 *
 * @param category what kind of behaviour
 * @param program the program the behaviour belongs to (the acting process's program)
 * @param value the behaviour within the program: a child program, {@code r:/path}, {@code
 *     10.88.0.1:80}, a port, a syscall number
 */
public record Feature(Category category, String program, String value) {
  public Feature {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(value, "value");
  }

  /** The key under which the profile counts this feature within its category. */
  public String key() {
    return program + '\u0000' + value;
  }
}
