package dev.bulkhead.image.analyzer;

/** Signals that one record of a package database is malformed; the analyzer makes it a warning. */
final class MalformedDataException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedDataException(String message) {
    super(message);
  }
}
