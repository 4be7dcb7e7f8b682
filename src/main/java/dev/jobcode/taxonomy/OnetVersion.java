package dev.jobcode.taxonomy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which O*NET release a folder holds: from its {@code Read Me.txt} when present, else from a
 * folder name like {@code db_30_0_text}, else from what the operator said. When the operator's word
 * and the folder disagree, that is an error rather than a guess.
 */
public final class OnetVersion {
  private static final Pattern README = Pattern.compile("O\\*NET\\s+(\\d+\\.\\d+)\\s+Database");
  private static final Pattern FOLDER = Pattern.compile("db_(\\d+)_(\\d+)(?:_text)?");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+");

  private OnetVersion() {}

  public static String resolve(Path dir, Optional<String> stated) {
    stated.ifPresent(v -> {
      if (!VERSION.matcher(v).matches()) {
        throw new TaxonomyException("O*NET version must look like 30.0, got '" + v + "'");
      }
    });
    Optional<String> detected = fromReadMe(dir).or(() -> fromFolderName(dir));
    if (detected.isPresent() && stated.isPresent() && !detected.get().equals(stated.get())) {
      throw new TaxonomyException(dir + " holds O*NET " + detected.get() + " but --onet-version says "
          + stated.get() + "; drop the flag or point --onet at the right release");
    }
    return detected.or(() -> stated).orElseThrow(() -> new TaxonomyException(
        "cannot tell which O*NET release " + dir + " holds (no 'Read Me.txt', folder not named like "
            + "db_30_0_text): pass --onet-version, e.g. --onet-version 30.0"));
  }

  static Optional<String> fromReadMe(Path dir) {
    Path readMe = dir.resolve("Read Me.txt");
    if (!Files.isRegularFile(readMe)) {
      return Optional.empty();
    }
    try {
      Matcher m = README.matcher(Files.readString(readMe, StandardCharsets.ISO_8859_1));
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IOException e) {
      throw new TaxonomyException("cannot read " + readMe + ": " + e.getMessage(), e);
    }
  }

  static Optional<String> fromFolderName(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    if (name == null) {
      return Optional.empty();
    }
    Matcher m = FOLDER.matcher(name.toString());
    return m.matches() ? Optional.of(m.group(1) + "." + m.group(2)) : Optional.empty();
  }
}
