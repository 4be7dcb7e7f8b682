package dev.jobcode.measure;

import dev.jobcode.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The peer (the seed's transformers.js path) measured by its own script in the same run:
 * {@code run.sh TITLES OUT.json}. Needs node; without it the report says why it was skipped.
 */
final class PeerBench {
  private PeerBench() {}

  static BenchReport.Peer run(Path script, Path titles) throws IOException, InterruptedException {
    if (!Files.isRegularFile(script)) {
      return BenchReport.Peer.skipped("no peer script at " + script);
    }
    if (!onPath("node") || !onPath("npm")) {
      return BenchReport.Peer.skipped("node and npm are needed to run the peer");
    }
    Path out = Files.createTempFile("jobcode-peer-", ".json");
    Path log = Files.createTempFile("jobcode-peer-", ".log");
    try {
      Process p = new ProcessBuilder("bash", script.toString(), titles.toString(), out.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return BenchReport.Peer.skipped("the peer did not finish in 15 minutes");
      }
      if (p.exitValue() != 0 || Files.size(out) == 0) {
        String tail = Files.readString(log);
        return BenchReport.Peer.skipped("the peer failed (exit " + p.exitValue() + "): "
            + tail.substring(Math.max(0, tail.length() - 300)).strip());
      }
      return Json.MAPPER.readValue(out.toFile(), BenchReport.Peer.class);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(log);
    }
  }

  private static boolean onPath(String command) throws InterruptedException {
    try {
      return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
