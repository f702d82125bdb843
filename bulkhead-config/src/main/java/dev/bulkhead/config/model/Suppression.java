package dev.bulkhead.config.model;

/**
 * Why a finding is suppressed.
 *
 * @param source {@code annotation}, {@code ignorefile} or {@code config}
 * @param reason the reason the user gave, or an empty string
 */
public record Suppression(String source, String reason) {}
