package dev.bulkhead.cli;

/** Starts the Bulkhead command line. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.out.println("bulkhead");
  }
}
