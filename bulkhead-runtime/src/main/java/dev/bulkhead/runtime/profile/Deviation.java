package dev.bulkhead.runtime.profile;

/**
 * Why an event differs from the learned profile.
 *
 * @param category the kind of behaviour
 * @param program the acting program
 * @param value the behaviour that was unseen or rare
 * @param seen how often the learned profile saw exactly this feature
 * @param score how surprising it is, 0 (common) to 1 (never seen, nothing similar)
 * @param reason one sentence for people
 */
public record Deviation(
    Category category, String program, String value, long seen, double score, String reason) {}
