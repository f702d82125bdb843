/**
 * Use cases as jobs: each takes a plain request record and returns its report, so the CLI, the
 * server and other front ends share one assembly of the scanners. Front ends turn their input
 * (flags, HTTP bodies) into requests and results into output; jobs name no front-end option.
 */
package dev.bulkhead.service;
