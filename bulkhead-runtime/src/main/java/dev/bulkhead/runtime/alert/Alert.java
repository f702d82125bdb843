package dev.bulkhead.runtime.alert;

import dev.bulkhead.runtime.profile.Deviation;
import java.util.List;

/**
 * One alert of the live watch, written as one JSON line (schema {@value #SCHEMA}, documented in
 * docs/RUNTIME-LIVE.md).
 *
 * @param schema always {@value #SCHEMA}
 * @param id unique id of the alert
 * @param time when the triggering event happened (ISO-8601, UTC)
 * @param container the container the event came from
 * @param process the acting process
 * @param mode watch mode: {@code monitor} or {@code protect}
 * @param score combined score: the larger of profile score / profile threshold and sequence score /
 *     sequence threshold; 1 or more alarms
 * @param profile the profile model's part
 * @param sequence the sequence model's part, or {@code null} when none is plugged in
 * @param reasons what deviated from the profile, most surprising first
 * @param event the triggering event
 * @param evidence the process's most recent events before and including the trigger, oldest first
 * @param action what protect mode did about it, or {@code null} in monitor mode
 */
public record Alert(
    String schema,
    String id,
    String time,
    ContainerRef container,
    ProcessRef process,
    String mode,
    double score,
    ModelPart profile,
    SequencePart sequence,
    List<Deviation> reasons,
    EventRef event,
    List<String> evidence,
    ActionRef action) {

  /** The schema name and version every alert carries. */
  public static final String SCHEMA = "bulkhead.alert/v1";

  public Alert {
    reasons = List.copyOf(reasons);
    evidence = List.copyOf(evidence);
  }

  /** A copy with {@code action} set. */
  public Alert withAction(ActionRef a) {
    return new Alert(
        schema, id, time, container, process, mode, score, profile, sequence, reasons, event,
        evidence, a);
  }

  /**
   * The container of an alert.
   *
   * @param id container id
   * @param name container name
   * @param image image id or digest
   */
  public record ContainerRef(String id, String name, String image) {}

  /**
   * The process of an alert.
   *
   * @param pid host pid
   * @param tid host thread id
   * @param comm command name
   * @param exe program
   * @param argv arguments as far as the sensor saw them
   * @param parentPid parent host pid
   * @param parentExe parent program
   */
  public record ProcessRef(
      int pid,
      int tid,
      String comm,
      String exe,
      List<String> argv,
      int parentPid,
      String parentExe) {}

  /**
   * A model's score and threshold.
   *
   * @param score the model's raw score
   * @param threshold the model's alarm threshold
   */
  public record ModelPart(double score, double threshold) {}

  /**
   * The sequence model's score.
   *
   * @param detector detector name
   * @param score its window score
   * @param threshold its calibrated threshold
   * @param unusual the unseen or rare sequences in the window
   */
  public record SequencePart(
      String detector, double score, double threshold, List<String> unusual) {}

  /**
   * The triggering event.
   *
   * @param kind event kind, e.g. {@code FILE_OPEN}
   * @param syscall system call name or {@code null}
   * @param path path for opens and execs
   * @param flags open flags or -1
   * @param peerAddress peer or local address for network events
   * @param peerPort port or -1
   */
  public record EventRef(
      String kind, String syscall, String path, int flags, String peerAddress, int peerPort) {}

  /**
   * What protect mode did.
   *
   * @param action {@code pause} or {@code stop}
   * @param status {@code executed}, {@code dry-run}, {@code rate-limited}, {@code skipped} or
   *     {@code failed}
   * @param message details
   */
  public record ActionRef(String action, String status, String message) {}
}
