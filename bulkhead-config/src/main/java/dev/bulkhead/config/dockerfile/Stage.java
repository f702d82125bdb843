package dev.bulkhead.config.dockerfile;

import java.util.List;

/**
 * A build stage: a FROM instruction and the instructions up to the next FROM.
 *
 * @param index 0-based position in the file
 * @param from the FROM instruction
 * @param image the base image with build arguments substituted where their defaults are known
 * @param imageOffset offset of the image word within {@code from.args()}
 * @param name the {@code AS} name in lower case, or {@code null}
 * @param instructions the stage's instructions after FROM
 */
public record Stage(
    int index,
    Instruction from,
    String image,
    int imageOffset,
    String name,
    List<Instruction> instructions) {}
