package dev.jobcode.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobcode.corpus.Cv;
import dev.jobcode.documents.ExtractionLimits;
import dev.jobcode.documents.TextExtractor;
import dev.jobcode.index.CandidatePool;
import dev.jobcode.index.HnswParams;
import dev.jobcode.index.ProgressListener;
import dev.jobcode.json.Json;
import dev.jobcode.server.JobcodeServer;
import dev.jobcode.server.ServerSettings;
import dev.jobcode.testing.CvDocuments;
import dev.jobcode.testing.RealData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real CV files into a pool with the real model, measured: generated CVs written as PDF and DOCX
 * (half each) plus three files that cannot be read, ingested as {@code candidates add} does; then the
 * latency of adds and deletes over HTTP while four clients search. Prints the figures and writes them
 * to target/ingestion.json. {@code -Djobcode.ingest.cvs=N} sets how many CVs (default 40, the suite's).
 */
class IngestionIT {
  private static final String TOKEN = "ingestion-test-write-token";

  @TempDir
  Path tmp;

  @Test
  void cvFilesGoInAtAMeasuredRateAndWritesStayQuickUnderSearchLoad() throws Exception {
    int n = Integer.getInteger("jobcode.ingest.cvs", 40);
    List<Cv> cvs = RealData.generatedCvs(n + 60);
    Path folder = Files.createDirectories(tmp.resolve("cvs"));
    for (int i = 0; i < n; i++) {
      CvDocuments.write(folder, String.format(Locale.ROOT, "cv-%05d", i), cvs.get(i).text(),
          i % 2 == 0 ? CvDocuments.Format.PDF : CvDocuments.Format.DOCX);
    }
    Files.write(folder.resolve("empty.pdf"), new byte[0]);
    byte[] pdf = Files.readAllBytes(folder.resolve("cv-00000.pdf"));
    Files.write(folder.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 3));
    Files.write(folder.resolve("photo.docx"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0,
        13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0});

    ObjectNode report = Json.MAPPER.createObjectNode();
    try (CandidatePool pool = CandidatePool.open(tmp.resolve("pool"), RealData.encoder().model(), HnswParams.DEFAULT);
         TextExtractor extractor = new TextExtractor(ExtractionLimits.DEFAULT)) {
      List<CvFiles.Failure> failures = new ArrayList<>();
      List<Path> files = CvFiles.expand(List.of(folder), failures);
      long start = System.nanoTime();
      CvFiles.Read read = CvFiles.read(files, extractor, ProgressListener.NONE);
      double readSeconds = (System.nanoTime() - start) / 1e9;
      List<CandidateIntake.Result> results = new CandidateIntake(pool, RealData.classifier()).submit(read.submissions());
      double seconds = (System.nanoTime() - start) / 1e9;
      failures.addAll(read.failures());
      Map<String, Integer> byKind = new TreeMap<>();
      failures.forEach(f -> byKind.merge(f.kind(), 1, Integer::sum));
      long added = results.stream().filter(CandidateIntake.Result::stored).count();
      System.out.printf(Locale.ROOT, "ingestion: %d files (%d PDF and DOCX CVs + 3 unreadable) in %.1f s: %.1f CVs/s; "
          + "text extraction %.1f s (%.1f files/s); failures %s%n", files.size(), n, seconds, added / seconds,
          readSeconds, files.size() / readSeconds, byKind);
      report.put("files", files.size()).put("cvs_added", added).put("seconds", seconds)
          .put("cvs_per_second", added / seconds).put("extraction_seconds", readSeconds);
      report.putPOJO("failures", byKind);
      assertThat(added).isEqualTo(n);
      assertThat(failures).extracting(f -> f.file().getFileName().toString())
          .containsExactlyInAnyOrder("empty.pdf", "truncated.pdf", "photo.docx");
      assertThat(byKind).containsEntry("empty", 1);

      JobcodeServer server = JobcodeServer.create(RealData.classifier(), pool,
          ServerSettings.DEFAULT.withWriteToken(TOKEN)).start("127.0.0.1", 0);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + server.port();
      AtomicBoolean searching = new AtomicBoolean(true);
      AtomicInteger searches = new AtomicInteger();
      AtomicInteger errors = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<?>> load = new ArrayList<>();
      try {
        for (int c = 0; c < 4; c++) {
          int offset = c;
          load.add(clients.submit(() -> {
            for (int i = offset; searching.get(); i += 4) {
              String text = cvs.get(i % n).text();
              String body = Json.MAPPER.createObjectNode().put("text", text.substring(0, Math.min(600, text.length())))
                  .put("k", 10).toString();
              HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/candidates/search"))
                  .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                  HttpResponse.BodyHandlers.ofString());
              (r.statusCode() == 200 ? searches : errors).incrementAndGet();
            }
            return null;
          }));
        }
        List<Double> adds = new ArrayList<>();
        List<Double> deletes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          Cv cv = cvs.get(n + i);
          String body = Json.MAPPER.createObjectNode().put("id", "timed-" + i).put("text", cv.text()).toString();
          long t = System.nanoTime();
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/candidates"))
              .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
          adds.add((System.nanoTime() - t) / 1e6);
          assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        for (int i = 0; i < 30; i++) {
          long t = System.nanoTime();
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/candidates/timed-" + i))
              .header("Authorization", "Bearer " + TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
          deletes.add((System.nanoTime() - t) / 1e6);
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        searching.set(false);
        for (Future<?> f : load) {
          f.get();
        }
        System.out.printf(Locale.ROOT, "under 4 searching clients (%d searches, %d errors): add p50/p99 %.0f/%.0f ms, "
            + "delete p50/p99 %.0f/%.0f ms%n", searches.get(), errors.get(), pct(adds, 50), pct(adds, 99),
            pct(deletes, 50), pct(deletes, 99));
        report.put("searches_during_writes", searches.get()).put("search_errors", errors.get())
            .put("add_p50_ms", pct(adds, 50)).put("add_p99_ms", pct(adds, 99))
            .put("delete_p50_ms", pct(deletes, 50)).put("delete_p99_ms", pct(deletes, 99));
        assertThat(errors.get()).isZero();
        assertThat(searches.get()).isPositive();
      } finally {
        searching.set(false);
        clients.shutdownNow();
        server.stop();
      }
    }
    Json.write(RealData.home().resolve("target/ingestion.json"), report);
  }

  private static double pct(List<Double> values, int p) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
