package dev.bulkhead.config.model;

/**
 * The resource a finding belongs to: a Kubernetes object, a Dockerfile stage, a compose service or
 * a daemon. {@code namespace} is {@code null} where it does not apply.
 */
public record ResourceRef(String kind, String namespace, String name) {}
