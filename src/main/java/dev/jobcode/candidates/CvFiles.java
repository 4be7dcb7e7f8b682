package dev.jobcode.candidates;

import dev.jobcode.corpus.CorpusException;
import dev.jobcode.corpus.Cv;
import dev.jobcode.corpus.CvFile;
import dev.jobcode.documents.ExtractedText;
import dev.jobcode.documents.ExtractionException;
import dev.jobcode.documents.TextExtractor;
import dev.jobcode.index.ProgressListener;
import dev.jobcode.taxonomy.OccupationCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CV files a person points jobcode at: files and folders (walked recursively, in name order,
 * hidden ones skipped), each either one CV as a document (PDF, Word, ODT, RTF, HTML, Markdown,
 * text) or a table of CVs (JSONL, CSV, TSV, Excel, as {@link CvFile} reads them). A file that
 * cannot be read is reported with its reason and the rest go on.
 */
public final class CvFiles {
  /** One CV per file: its text is extracted. */
  public static final Set<String> DOCUMENTS = Set.of("pdf", "docx", "doc", "odt", "rtf", "html", "htm", "md",
      "markdown", "txt");
  /** Many CVs per file, one a line or row. */
  public static final Set<String> TABLES = Set.of("jsonl", "json", "csv", "tsv", "xlsx", "xls");

  /**
   * A file that was not read, and why: {@code kind} names the reason in a word ({@code empty},
   * {@code encrypted}, {@code no_text}, …, {@code not_a_cv_file}, {@code bad_table}, {@code refused}).
   */
  public record Failure(Path file, String reason, String kind) {
    public Failure(Path file, String reason) {
      this(file, reason, "refused");
    }
  }

  /** What a set of files gave: CVs to submit, and the files that failed. */
  public record Read(List<CandidateIntake.Submission> submissions, List<Failure> failures) {}

  private CvFiles() {}

  /** The files below {@code paths}, in order; a path that does not exist is a failure. */
  public static List<Path> expand(List<Path> paths, List<Failure> failures) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).filter(f -> !hidden(p, f)).sorted().forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          failures.add(new Failure(p, "cannot read the folder: " + e.getMessage(), "unreadable"));
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        failures.add(new Failure(p, "no such file or folder", "missing"));
      }
    }
    return files;
  }

  /** True for a document kind jobcode reads one CV from, by the file's extension. */
  public static boolean isDocument(Path file) {
    return DOCUMENTS.contains(extension(file));
  }

  /** Reads every file: documents through {@code extractor}, tables through {@link CvFile} (codes: shape only). */
  public static Read read(List<Path> files, TextExtractor extractor, ProgressListener progress) {
    return read(files, extractor, null, progress);
  }

  /** As above, a table's codes read by {@code codes} (a SOC 2010 code becomes its 2018 occupation). */
  public static Read read(List<Path> files, TextExtractor extractor, OccupationCodes codes, ProgressListener progress) {
    List<CandidateIntake.Submission> submissions = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    int done = 0;
    for (Path file : files) {
      String ext = extension(file);
      try {
        if (TABLES.contains(ext)) {
          for (Cv cv : CvFile.read(file, codes)) {
            submissions.add(new CandidateIntake.Submission(cv, file.toString(), false));
          }
        } else if (DOCUMENTS.contains(ext)) {
          submissions.add(new CandidateIntake.Submission(document(extractor.extract(file), file.toString()),
              file.getFileName().toString(), false));
        } else {
          failures.add(new Failure(file, "not a CV file jobcode reads (documents: " + sorted(DOCUMENTS)
              + "; tables of CVs: " + sorted(TABLES) + ")", "not_a_cv_file"));
        }
      } catch (ExtractionException e) {
        failures.add(new Failure(file, e.getMessage(), e.reason().name().toLowerCase(Locale.ROOT)));
      } catch (CorpusException e) {
        failures.add(new Failure(file, e.getMessage(), "bad_table"));
      }
      progress.progress(++done, files.size());
    }
    return new Read(submissions, failures);
  }

  /** One CV from a document's text: no id (the pool makes one), no labels (jobcode infers them). */
  public static Cv document(ExtractedText extracted, String where) {
    return CvFile.check(Cv.of(null, extracted.text()), where);
  }

  private static boolean hidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  static String extension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }

  private static List<String> sorted(Set<String> set) {
    return set.stream().sorted().toList();
  }
}
