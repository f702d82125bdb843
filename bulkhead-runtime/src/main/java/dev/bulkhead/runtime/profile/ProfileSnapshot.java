package dev.bulkhead.runtime.profile;

import java.util.Map;

/**
 * The persistent form of a {@link BehaviorProfile}.
 *
 * @param counts per category name, feature key ({@code program NUL value}) to times seen
 * @param events events learned
 * @param overflow features not learned because the profile was full
 */
public record ProfileSnapshot(Map<String, Map<String, Long>> counts, long events, long overflow) {}
