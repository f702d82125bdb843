/** Holds the wire-format records of the OCI distribution API and docker's config.json. */
package dev.bulkhead.image.registry.json;
