/** Image, directory and SBOM scan jobs and the report filters they share. */
package dev.bulkhead.service.scan;
