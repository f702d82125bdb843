package dev.bulkhead.runtime.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps Linux system call names to numbers and back for one architecture.
 *
 * <p>Sources that record names (strace, sysdig, Falco) get numbers from {@link #X86_64}, the table
 * the live sensor uses, so a model learned live can score them. Names the table does not know get a
 * stable number from {@link #UNKNOWN_BASE} upwards derived from the name.
 */
public final class SyscallTable {
  /** First number given to names that are not in the table (0..1023 above it). */
  public static final int UNKNOWN_BASE = 4096;

  /** The x86_64 table (Linux asm/unistd_64.h). */
  public static final SyscallTable X86_64 = load("syscalls-x86_64.txt", "x86_64");

  /** The i386 table (Linux asm/unistd_32.h), which ADFA-LD's numbers follow. */
  public static final SyscallTable I386 = load("syscalls-i386.txt", "i386");

  private final String arch;
  private final Map<String, Integer> numbers;
  private final Map<Integer, String> names;

  private SyscallTable(String arch, Map<String, Integer> numbers) {
    this.arch = arch;
    this.numbers = Map.copyOf(numbers);
    Map<Integer, String> byNr = new HashMap<>();
    numbers.forEach((name, nr) -> byNr.putIfAbsent(nr, name));
    this.names = Map.copyOf(byNr);
  }

  /** Returns the architecture name, e.g. {@code x86_64}. */
  public String arch() {
    return arch;
  }

  /**
   * Returns the number of {@code name}; names the table lacks map to a stable number in {@code
   * [UNKNOWN_BASE, UNKNOWN_BASE + 1024)}.
   */
  public int number(String name) {
    Integer nr = numbers.get(name);
    if (nr != null) {
      return nr;
    }
    return UNKNOWN_BASE + (name.hashCode() & 0x3ff);
  }

  /** Returns the name of {@code nr}, or {@code sys_NR} when the table lacks it. */
  public String name(int nr) {
    String name = names.get(nr);
    return name != null ? name : "sys_" + nr;
  }

  private static SyscallTable load(String resource, String arch) {
    Map<String, Integer> numbers = new HashMap<>();
    try (InputStream in = SyscallTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        numbers.put(parts[0], Integer.parseInt(parts[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SyscallTable(arch, numbers);
  }
}
