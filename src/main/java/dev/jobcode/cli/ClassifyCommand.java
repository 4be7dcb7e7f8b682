package dev.jobcode.cli;

import dev.jobcode.classify.Classification;
import dev.jobcode.classify.Classifier;
import dev.jobcode.documents.ExtractionException;
import dev.jobcode.documents.ExtractionLimits;
import dev.jobcode.documents.TextExtractor;
import dev.jobcode.classify.Mode;
import dev.jobcode.classify.Query;
import dev.jobcode.classify.TableClassifier;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.json.Json;
import dev.jobcode.server.Api;
import dev.jobcode.table.Layout;
import dev.jobcode.table.Table;
import dev.jobcode.table.TableWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobcode classify}: titles from the command line, or a table file of them. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Classify job titles into O*NET-SOC occupations.%n"
        + "File mode: --input FILE (.csv, .tsv/.txt or .xlsx/.xls; a header row, a 'title' column, optional "
        + "'description') and --output FILE (.csv, .tsv/.txt or .xlsx; another name takes the input's format): the "
        + "input's columns plus onet_code, onet_title, score, soc_code, major_group, alternatives (the next k-1 codes "
        + "joined by '|'), review, it (Y/N), it_probability, level, family. A file classified before gets those "
        + "columns replaced.")
final class ClassifyCommand implements Callable<Integer> {

  @Mixin
  EngineOptions engine = new EngineOptions();

  @Option(names = "-k", defaultValue = "" + Query.DEFAULT_K,
      description = "occupations per title, 1.." + Query.MAX_K + " (default: ${DEFAULT-VALUE})")
  int k;

  @Mixin
  ModeOption mode = new ModeOption();

  @Option(names = "--description", paramLabel = "TEXT", description = "a job description for the title(s)")
  String description;

  @Option(names = "--json", description = "print the API's JSON instead of a table")
  boolean json;

  @Option(names = "--input", paramLabel = "FILE", description = "CSV, TSV or Excel file of titles to classify")
  Path input;

  @Option(names = "--output", paramLabel = "FILE", description = "where to write the classified file (.csv, .tsv, .xlsx)")
  Path output;

  @Option(names = "--title-col", defaultValue = "title", description = "title column of --input (default: ${DEFAULT-VALUE})")
  String titleColumn;

  @Option(names = "--description-col", defaultValue = "description",
      description = "description column of --input, used when present (default: ${DEFAULT-VALUE})")
  String descriptionColumn;

  @Option(names = "--text-file", paramLabel = "FILE",
      description = "classify a text without a title (a CV or a posting: PDF, Word, ODT, RTF, HTML, Markdown or text), "
          + "ranked by O*NET's descriptions and tasks")
  Path textFile;

  @Parameters(paramLabel = "TITLE", arity = "0..*", description = "job titles")
  List<String> titles = new ArrayList<>();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Mode m = mode.mode();
    if (k < 1 || k > Query.MAX_K) {
      throw new Main.UsageException("-k must be between 1 and " + Query.MAX_K + ", got " + k);
    }
    if ((input == null) != (output == null)) {
      throw new Main.UsageException("--input and --output go together");
    }
    if (textFile != null && (input != null || !titles.isEmpty() || description != null)) {
      throw new Main.UsageException("--text-file goes alone: not with TITLEs, --description or --input");
    }
    if (input == null && titles.isEmpty() && textFile == null) {
      throw new Main.UsageException("give one or more TITLEs, --text-file FILE, or --input FILE --output FILE");
    }
    if (input != null && !titles.isEmpty()) {
      throw new Main.UsageException("give TITLEs or --input, not both");
    }
    // The input's problems (encoding, quotes, columns, the output's format) are found before the model loads.
    Table table = input == null ? null : Table.read(input);
    Layout outputLayout = table == null ? null : table.layout().forOutput(output);
    if (table != null) {
      table.column(titleColumn);
    }
    List<Query> queries = textFile != null ? List.of(Query.ofText(readText(textFile), k, m))
        : titles.stream().map(t -> new Query(t, description, k, m)).toList();
    try (Engine opened = engine.open()) {
      Classifier classifier = opened.classifier();
      if (table != null) {
        classifyFile(classifier, table, outputLayout, m);
      } else {
        print(classifier.classifyAll(queries), classifier.index().meta(), classifier.ordering(m),
            spec.commandLine().getOut());
      }
    }
    return 0;
  }

  /** The text of a CV or posting file, as the pool reads one. */
  private static String readText(Path file) {
    try (TextExtractor extractor = new TextExtractor(ExtractionLimits.DEFAULT)) {
      String text = extractor.extract(file).text();   // mojibake repaired by the extractor
      return text.length() <= Query.MAX_DESCRIPTION_CHARS ? text : text.substring(0, Query.MAX_DESCRIPTION_CHARS);
    } catch (ExtractionException e) {
      throw new Main.UsageException("cannot read --text-file " + file + ": " + e.getMessage());
    }
  }

  private void print(List<Classification> results, IndexMeta meta, String ordering, PrintWriter out) {
    if (json) {
      List<Api.ClassifyResponse> views = results.stream().map(c -> Api.ClassifyResponse.of(c, meta)).toList();
      Object body = views.size() == 1 ? views.get(0)
          : new Api.BatchResponse(Api.TaxonomyRef.of(meta), Api.ModelRef.of(meta), views);
      out.println(Json.pretty(body));
    } else {
      ClassificationTable.print(results, meta, ordering, out);
    }
    out.flush();
  }

  private void classifyFile(Classifier classifier, Table table, Layout layout, Mode m) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar progress = new ProgressBar(err, "classifying");
    List<Long> skipped;
    try (TableWriter writer = TableWriter.create(output, layout, TableClassifier.header(table),
        TableClassifier.NUMERIC_COLUMNS)) {
      skipped = new TableClassifier(classifier, k, m).classify(table, titleColumn, descriptionColumn, writer::write,
          progress::progress);
      writer.commit();
    }
    String unit = table.layout().format().isWorkbook() ? "rows" : "lines";
    err.printf(Locale.ROOT, "jobcode: classified %,d rows into %s", table.rows().size() - skipped.size(), output);
    if (!skipped.isEmpty()) {
      err.printf(Locale.ROOT, "; %,d rows with an empty or invalid title left unclassified (%s %s%s)",
          skipped.size(), unit, skipped.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", ")),
          skipped.size() > 10 ? ", …" : "");
    }
    err.println();
  }
}
