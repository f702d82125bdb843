/** Finds hard-coded secrets and malicious content in files and image metadata. */
package dev.bulkhead.secrets;
