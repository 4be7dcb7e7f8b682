package dev.jobcode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.encoder.ModelSpec;
import dev.jobcode.index.IndexBuilder;
import dev.jobcode.index.IndexMeta;
import dev.jobcode.json.Json;
import dev.jobcode.table.Table;
import dev.jobcode.testing.Fixtures;
import dev.jobcode.testing.CvDocuments;
import dev.jobcode.testing.OldLucene;
import dev.jobcode.testing.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on the real model and O*NET 30.0 index: output, files and exit codes. */
class CliIT {
  @TempDir
  Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private String index() {
    return RealData.index().toString();
  }

  private String pool() {
    RealData.pool();
    return RealData.poolDir().toString();
  }

  private String models() {
    return RealData.home().resolve("models").toString();
  }

  @Test
  void classifyPrintsATable() {
    CliRun r = run("classify", "--index", index(), "--models", models(), "-k", "3", "Electrician");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("O*NET-SOC 30.0").contains("1. 47-2111.00  Electricians");
  }

  @Test
  void classifyJsonIsTheApiShape() throws IOException {
    CliRun r = run("classify", "--index", index(), "--models", models(), "--json", "--mode", "similarity", "Data Scientist");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.at("/taxonomy/version").asText()).isEqualTo("30.0");
    assertThat(json.at("/model/id").asText()).isEqualTo(ModelSpec.DEFAULT_ID);
    assertThat(json.at("/query/mode").asText()).isEqualTo("similarity");
    assertThat(json.at("/results/0/code").asText()).isEqualTo("15-2051.00");
    assertThat(json.get("results")).hasSize(5);
  }

  @Test
  void classifiesACsvFileIntoACsvFile() throws IOException {
    Path in = tmp.resolve("titles.csv");
    Files.writeString(in, "id,title,description\n1,Electrician,\n2,\"Nurse, ICU\",cares for patients in intensive care\n3,  ,\n");
    Path out = tmp.resolve("out.csv");
    CliRun r = run("classify", "--index", index(), "--models", models(), "-k", "2", "--input", in.toString(), "--output", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("classified 2 rows").contains("1 rows with an empty or invalid title").contains("lines 4");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("id,title,description,onet_code,onet_title,score,soc_code,major_group,alternatives,"
        + "review,it,it_probability,level,family");
    assertThat(lines.get(1)).startsWith("1,Electrician,,47-2111.00,Electricians,").endsWith(",specialist,trades")
        .contains(",N,");
    assertThat(lines.get(2)).startsWith("2,\"Nurse, ICU\",cares for patients in intensive care,29-1141");
    assertThat(lines.get(3)).isEqualTo("3,\"  \"" + ",".repeat(12));
  }

  @Test
  void classifiesATsvFileIntoATsvFile() throws IOException {
    Path in = tmp.resolve("titles.tsv");
    Files.writeString(in, "title\nData Scientist\n");
    Path out = tmp.resolve("out.tsv");
    CliRun r = run("classify", "--index", index(), "--models", models(), "--input", in.toString(), "--output", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out).get(1)).startsWith("Data Scientist\t15-2051.00\tData Scientists\t");
  }

  @Test
  void aTsvWithQuotesInItsTitlesClassifiesEveryRowAndItsOutputReadsBack() throws IOException {
    Path in = tmp.resolve("q.tsv");
    Files.writeString(in, "title\tnote\n\"Graphic & Web Designer\" Executive\tquote at the start\n"
        + "Senior \"Lead\" Nurse\tquote in the middle\n12\" Saw Operator\tunbalanced quote\n");
    Path b = tmp.resolve("b.tsv");
    CliRun r = run("classify", "--index", index(), "--models", models(), "--input", in.toString(), "--output", b.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("classified 3 rows");
    Table out = Table.read(b);
    assertThat(out.header()).startsWith("title", "note", "onet_code");
    assertThat(out.rows()).extracting(row -> row.get(0))
        .containsExactly("\"Graphic & Web Designer\" Executive", "Senior \"Lead\" Nurse", "12\" Saw Operator");
    int code = out.column("onet_code");
    assertThat(out.rows()).allSatisfy(row -> assertThat(row.get(code)).matches("\\d\\d-\\d{4}\\.\\d\\d"));
    assertThat(out.rows().get(0).get(out.column("major_group"))).isEqualTo("27");
    assertThat(out.rows().get(1).get(out.column("major_group"))).isEqualTo("29");

    // The output is an input again: every row read, the answer columns replaced rather than doubled.
    Path c = tmp.resolve("c.tsv");
    CliRun again = run("classify", "--index", index(), "--models", models(), "--input", b.toString(), "--output", c.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.err()).contains("classified 3 rows");
    assertThat(Table.read(c).header()).isEqualTo(out.header());
    assertThat(Table.read(c).rows()).extracting(row -> row.get(code)).isEqualTo(out.rows().stream().map(row -> row.get(code)).toList());
  }

  @Test
  void aWorkbookOutputKeepsCodesAsTextAndReadsBackAsAnInput() throws IOException {
    Path in = tmp.resolve("titles.csv");
    Files.writeString(in, "title,soc\nChief Executive,11-1011\nCritical care nurse,29-1141\n");
    Path xlsx = tmp.resolve("classified.xlsx");
    CliRun r = run("classify", "--index", index(), "--models", models(), "--input", in.toString(), "--output", xlsx.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(xlsx.toFile())) {
      var row = workbook.getSheetAt(0).getRow(1);
      assertThat(row.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
      assertThat(row.getCell(1).getStringCellValue()).isEqualTo("11-1011");
      assertThat(row.getCell(2).getStringCellValue()).isEqualTo("11-1011.00");
    }
    Path csv = tmp.resolve("again.csv");
    CliRun again = run("classify", "--index", index(), "--models", models(), "--input", xlsx.toString(), "--output", csv.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    Table back = Table.read(csv);
    assertThat(back.rows()).hasSize(2);
    assertThat(back.rows().get(0).get(back.column("soc"))).isEqualTo("11-1011");
    assertThat(back.rows().get(1).get(back.column("major_group"))).isEqualTo("29");
  }

  @Test
  void badUsageExitsWith2AndOneClearLine() throws IOException {
    Path ragged = tmp.resolve("ragged.csv");
    Files.writeString(ragged, "title,description\nNurse\n");
    Path noTitle = tmp.resolve("notitle.csv");
    Files.writeString(noTitle, "job,description\nNurse,x\n");
    Path latin1 = tmp.resolve("latin1.csv");
    Files.write(latin1, new byte[] {'t', 'i', 't', 'l', 'e', '\n', 'I', 'n', 'g', (byte) 0xE9, 'n', 'i', 'e', 'u', 'r', '\n'});
    Path brokenQuote = tmp.resolve("quoted.csv");
    Files.writeString(brokenQuote, "title,note\n\"Graphic & Web Designer\" Executive,x\n");
    String out = tmp.resolve("o.csv").toString();
    Path shortToken = tmp.resolve("token");
    Files.writeString(shortToken, "guessable\n");
    String none = tmp.resolve("none").toString();
    String[][] cases = {
        {"classify", "--index", index(), "-k", "0", "Nurse"},
        {"classify", "--index", index(), "--mode", "fast", "Nurse"},
        {"classify", "--index", index()},
        {"classify", "--index", index(), "--input", ragged.toString(), "--output", out},
        {"classify", "--index", index(), "--input", noTitle.toString(), "--output", out},
        {"classify", "--index", index(), "--input", latin1.toString(), "--output", out},
        {"classify", "--index", index(), "--input", tmp.resolve("missing.csv").toString(), "--output", out},
        {"classify", "--index", index(), "--input", brokenQuote.toString(), "--output", out},
        {"classify", "--index", index(), "--input", noTitle.toString(), "--output", tmp.resolve("o.xls").toString()},
        {"classify", "--no-such-flag"},
        {"index", "--hnsw-m", "1"},
        {"serve", "--index", none},
        {"serve", "--index", none, "--admin-token-file", shortToken.toString()},
        {"serve", "--index", none, "--admin-token-file", tmp.resolve("no-token").toString()},
        {"serve", "--index", none, "--cors-origin", "example.com"},
        {"serve", "--index", none, "--max-in-flight", "0"},
        {"load", "--index", none, "--clients", "0"},
    };
    String[] messages = {"-k must be between 1 and 50", "unknown --mode 'fast'", "give one or more TITLEs",
        "ragged.csv line 2: expected 2 fields like the header, found 1", "no column 'title'",
        "latin1.csv line 2: byte 0xE9 (byte 4 of the line) is not UTF-8", "input file not found",
        "quoted.csv line 2, column 26: 'E' follows the quote that closes the field", "name the output .xlsx", "Unknown option", "HNSW m must be", "no index at",
        "admin token must have at least 16 characters", "cannot read --admin-token-file",
        "--cors-origin must be * or an origin", "--max-in-flight must be at least 1", "--clients must be 1..1024"};
    for (int i = 0; i < cases.length; i++) {
      CliRun r = run(cases[i]);
      assertThat(r.exit()).as(String.join(" ", cases[i]) + "\n" + r.err()).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", cases[i])).contains(messages[i]).doesNotContain("\tat ");
    }
    assertThat(Files.exists(tmp.resolve("o.csv"))).isFalse();
  }

  @Test
  void failuresExitWith1AndOneClearLine() {
    CliRun r = run("classify", "--index", tmp.resolve("nothing").toString(), "--models", models(), "Nurse");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no jobcode index at").doesNotContain("\tat ");
    CliRun bad = run("index", "--onet", tmp.resolve("no-onet").toString(), "--out", tmp.resolve("idx").toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("O*NET folder not found");
    assertThat(Files.exists(tmp.resolve("idx"))).isFalse();
  }

  @Test
  void serveRefusesACorruptIncompleteForeignOrLucene8IndexAtStart() throws IOException {
    Path good = tmp.resolve("good");
    CliRun built = run("index", "--onet", Fixtures.onetDir().toString(), "--models", models(), "--out", good.toString());
    assertThat(built.exit()).as(built.err()).isZero();

    Path corrupt = copy(good, "corrupt");
    try (Stream<Path> files = Files.list(corrupt.resolve(IndexBuilder.ONET_DIR))) {
      Path largest = files.max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
      byte[] bytes = Files.readAllBytes(largest);
      Files.write(largest, Arrays.copyOf(bytes, bytes.length / 2));
    }
    Path incomplete = copy(good, "incomplete");
    Files.delete(incomplete.resolve(IndexBuilder.OCCUPATIONS_FILE));
    Path foreign = copy(good, "foreign");
    Path meta = foreign.resolve(IndexMeta.FILE);
    Files.writeString(meta, Files.readString(meta).replaceFirst("\"sha256\" : \"[0-9a-f]+\"",
        "\"sha256\" : \"" + "1".repeat(64) + "\""));

    Path lucene8 = OldLucene.realIndex(OldLucene.Release.LUCENE_8_11);

    String[][] cases = {{corrupt.toString(), "rebuild"}, {incomplete.toString(), "cannot read"},
        {foreign.toString(), "was built with model " + ModelSpec.DEFAULT_ID + " (sha256 111111111111"},
        {lucene8.toString(), "jobcode: " + OldLucene.lucene8Refusal(lucene8) + System.lineSeparator()}};
    for (String[] c : cases) {
      CliRun r = run("serve", "--index", c[0], "--models", models(), "--port", "0");
      assertThat(r.exit()).as(c[0] + "\n" + r.err()).isEqualTo(1);
      assertThat(r.err()).contains(c[1]).doesNotContain("\tat ");
    }
  }

  private Path copy(Path from, String name) throws IOException {
    Path to = tmp.resolve(name);
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
    return to;
  }

  @Test
  void corpusGenerateIsDeterministic() throws IOException {
    Path a = tmp.resolve("a.jsonl");
    Path b = tmp.resolve("b.jsonl");
    String onet = RealData.onet30().toString();
    assertThat(run("corpus", "generate", "--count", "40", "--seed", "42", "--onet", onet, "--out", a.toString()).exit()).isZero();
    CliRun r = run("corpus", "generate", "--count", "40", "--seed", "42", "--onet", onet, "--out", b.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("wrote 40 CVs");
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllLines(a)).hasSize(40);
    assertThat(run("corpus", "generate", "--count", "0", "--out", a.toString()).exit()).isEqualTo(2);
  }

  @Test
  void candidatesSearchAndClassifyFromTheCommandLine() throws IOException {
    CliRun r = run("candidates", "search", "--index", index(), "--models", models(), "--pool", pool(), "--json", "-k", "3",
        "--major-group", "29", "--text", "Registered nurse on an intensive care unit");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("results")).hasSize(3).allSatisfy(c -> assertThat(c.get("major_group").asText()).isEqualTo("29"));
    CliRun table = run("candidates", "search", "--index", index(), "--models", models(), "--pool", pool(), "--id", "cv-00001", "-k", "2");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out().lines()).hasSize(2).noneMatch(l -> l.startsWith("cv-00001 "));
    CliRun vote = run("candidates", "classify", "--index", index(), "--models", models(), "--pool", pool(), "--text", "Java backend developer");
    assertThat(vote.exit()).as(vote.err()).isZero();
    assertThat(Json.MAPPER.readTree(vote.out()).at("/major_groups/0/major_group").asText()).isEqualTo("15");
    CliRun unknown = run("candidates", "search", "--index", index(), "--models", models(), "--pool", pool(), "--id", "nobody");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no candidate with id 'nobody'");
  }

  @Test
  void candidatesEvalHoldsOutCvsAndWritesBothScores() throws IOException {
    Path out = tmp.resolve("holdout.json");
    CliRun r = run("candidates", "eval", "--index", index(), "--models", models(), "--pool", pool(), "--holdout", "0.05", "--out",
        out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("holding out 30 of 600 labelled CVs (seed 42)");
    assertThat(r.out()).contains("held out 30 CVs (generated style").contains("kNN vote of 15 nearest CVs")
        .contains("occupation classifier").contains("CV text alone");
    JsonNode json = Json.MAPPER.readTree(out.toFile());
    assertThat(json.get("held_out").asInt()).isEqualTo(30);
    assertThat(json.get("k").asInt()).isEqualTo(15);
    for (String by : new String[] {"vote", "classifier", "classifier_text_only"}) {
      assertThat(json.at("/" + by + "/major_top1").asDouble()).as(by).isBetween(json.at("/" + by + "/onet_top1").asDouble(), 1.0);
      assertThat(json.at("/" + by + "/cvs_per_second").asDouble()).as(by).isPositive();
    }
    CliRun tooFew = run("candidates", "eval", "--index", index(), "--models", models(), "--pool", pool(), "--holdout", "0.0001");
    assertThat(tooFew.exit()).isEqualTo(2);
    assertThat(tooFew.err()).contains("too few to hold out");
  }

  @Test
  void aBadCvFileIsRefusedBeforeAnythingIsBuilt() throws IOException {
    Path cvs = tmp.resolve("cvs.jsonl");
    Files.writeString(cvs, "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\"}\n");
    Path out = tmp.resolve("idx");
    CliRun r = run("index", "--onet", RealData.onet30().toString(), "--models", models(), "--cvs", cvs.toString(),
        "--out", out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("cvs.jsonl line 2: text is required");
    assertThat(out).doesNotExist();
  }

  @Test
  void candidatesAddListAndDeleteWorkOnTheFolderAndThroughAServer() throws Exception {
    Path cvs = Files.createDirectories(tmp.resolve("cvs/nested"));
    var generated = RealData.generatedCvs(4);
    CvDocuments.write(tmp.resolve("cvs"), "nurse", generated.get(0).text(), CvDocuments.Format.PDF);
    Path second = CvDocuments.write(cvs, "second", generated.get(1).text(), CvDocuments.Format.DOCX);
    Files.copy(second, cvs.resolve("second-again.docx"));   // the same CV under another name: a duplicate
    Files.write(tmp.resolve("cvs/scan.pdf"), new byte[0]);
    Files.writeString(tmp.resolve("cvs/.hidden.txt"), "not a CV");
    Path pool = tmp.resolve("pool");
    CliRun add = run("candidates", "add", "--index", index(), "--models", models(), "--pool", pool.toString(),
        tmp.resolve("cvs").toString());
    assertThat(add.exit()).as(add.err()).isEqualTo(1);   // one file failed; the rest went in
    assertThat(add.err()).contains("skipped " + tmp.resolve("cvs/scan.pdf")).contains("empty")
        .contains("2 added, 1 duplicates").doesNotContain("hidden");
    assertThat(add.out().lines().filter(l -> l.contains("\tadded")).count()).isEqualTo(2);
    assertThat(add.out()).contains("duplicate of cv-");

    CliRun list = run("candidates", "list", "--pool", pool.toString());
    assertThat(list.exit()).as(list.err()).isZero();
    // Files go in name order: second-again.docx before second.docx, which is then the duplicate.
    assertThat(list.out()).contains("nurse.pdf").contains("second-again.docx").contains("2 CVs; * inferred");
    String id = add.out().lines().filter(l -> l.contains("nurse.pdf")).findFirst().orElseThrow().split("\t")[0];

    Path token = Files.writeString(tmp.resolve("token"), "cli-test-write-token-123");
    try (var opened = dev.jobcode.index.CandidatePool.open(pool, RealData.encoder().model(),
        dev.jobcode.index.HnswParams.DEFAULT)) {
      var server = dev.jobcode.server.JobcodeServer.create(RealData.classifier(), opened,
          dev.jobcode.server.ServerSettings.DEFAULT.withWriteToken("cli-test-write-token-123")).start("127.0.0.1", 0);
      try {
        String url = "http://127.0.0.1:" + server.port();
        CliRun busy = run("candidates", "delete", "--pool", pool.toString(), id);
        assertThat(busy.exit()).isEqualTo(1);
        assertThat(busy.err()).contains("in use by another jobcode process").contains("--url");
        CliRun remote = run("candidates", "add", "--url", url, "--token-file", token.toString(),
            CvDocuments.write(tmp, "third", generated.get(2).text(), CvDocuments.Format.ODT).toString());
        assertThat(remote.exit()).as(remote.err()).isZero();
        assertThat(remote.out()).contains("third.odt").contains("added");
        CliRun noToken = run("candidates", "delete", "--url", url, id);
        assertThat(noToken.exit()).isEqualTo(2);
        assertThat(noToken.err()).contains("write token");
        CliRun delete = run("candidates", "delete", "--url", url, "--token-file", token.toString(), id, "nobody");
        assertThat(delete.exit()).isEqualTo(1);
        assertThat(delete.out()).contains(id + "\tdeleted at");
        assertThat(delete.err()).contains("nobody: not in the pool");
        CliRun remoteList = run("candidates", "list", "--url", url, "--json");
        assertThat(remoteList.exit()).as(remoteList.err()).isZero();
        assertThat(Json.MAPPER.readTree(remoteList.out()).get("total").asInt()).isEqualTo(2);
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void aTextAloneIsClassifiedByTheDescriptiveChannel() throws IOException {
    Path cv = Files.writeString(tmp.resolve("cv.txt"), RealData.generatedCvs(1).get(0).text());
    CliRun r = run("classify", "--index", index(), "--models", models(), "--json", "--text-file", cv.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.at("/query/text").asText()).isNotBlank();
    assertThat(json.at("/query/title").isMissingNode()).isTrue();
    assertThat(json.get("results")).isNotEmpty();
    assertThat(json.at("/results/0/evidence/0/kind").asText()).isIn("description", "task");
  }
}
