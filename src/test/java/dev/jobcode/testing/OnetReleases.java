package dev.jobcode.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Two tiny hand-made O*NET releases, "98.1" and "98.2", written by the test, whose differences are
 * known: from 98.1 to 98.2,
 * <ul>
 *   <li>47-2111.00 Electricians is removed; 53-3032.00 Heavy and Tractor-Trailer Truck Drivers is added;
 *   <li>15-1252.00 is retitled Software Developers → Software Engineers; its alternate title "Coder" is
 *       removed and "Developer" added, its task "Test code." removed and "Review code changes." added;
 *   <li>29-1141.00 Registered Nurses is redescribed, and gains a task that repeats its new description
 *       (which is not compared);
 *   <li>11-1011.00 Chief Executives changes only in case and spacing ("CEO" → " ceo", a doubled space
 *       in a task): no change.
 * </ul>
 */
public final class OnetReleases {
  private OnetReleases() {}

  /** Writes release 98.1 into {@code parent/db_98_1_text} and returns that folder. */
  public static Path older(Path parent) {
    return write(parent.resolve("db_98_1_text"),
        List.of("11-1011.00\tChief Executives\tDetermine and formulate policies.",
            "15-1252.00\tSoftware Developers\tDevelop software.",
            "29-1141.00\tRegistered Nurses\tCare for patients.",
            "47-2111.00\tElectricians\tInstall wiring."),
        List.of("11-1011.00\tCEO", "11-1011.00\tPresident", "15-1252.00\tProgrammer", "15-1252.00\tCoder",
            "29-1141.00\tStaff Nurse", "47-2111.00\tWireman"),
        List.of("11-1011.00\tDirect operations.", "15-1252.00\tWrite code.", "15-1252.00\tTest code.",
            "29-1141.00\tMonitor patients.", "47-2111.00\tInstall wiring systems."));
  }

  /** Writes release 98.2 into {@code parent/db_98_2_text} and returns that folder. */
  public static Path newer(Path parent) {
    return write(parent.resolve("db_98_2_text"),
        List.of("11-1011.00\tChief Executives\tDetermine and formulate policies.",
            "15-1252.00\tSoftware Engineers\tDevelop software.",
            "29-1141.00\tRegistered Nurses\tAssess and care for patients.",
            "53-3032.00\tHeavy and Tractor-Trailer Truck Drivers\tDrive trucks."),
        List.of("11-1011.00\t ceo", "11-1011.00\tPresident", "15-1252.00\tProgrammer", "15-1252.00\tDeveloper",
            "29-1141.00\tStaff Nurse", "53-3032.00\tTrucker"),
        List.of("11-1011.00\tDirect  operations.", "15-1252.00\tWrite code.", "15-1252.00\tReview code changes.",
            "29-1141.00\tMonitor patients.", "29-1141.00\tAssess and care for patients.",
            "53-3032.00\tDrive long distances."));
  }

  private static Path write(Path dir, List<String> occupations, List<String> alternates, List<String> tasks) {
    try {
      Files.createDirectories(dir);
      table(dir.resolve("Occupation Data.txt"), "O*NET-SOC Code\tTitle\tDescription", occupations);
      table(dir.resolve("Alternate Titles.txt"), "O*NET-SOC Code\tAlternate Title", alternates);
      table(dir.resolve("Task Statements.txt"), "O*NET-SOC Code\tTask", tasks);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void table(Path file, String header, List<String> rows) throws IOException {
    Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n");
  }
}
