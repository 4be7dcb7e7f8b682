package dev.jobcode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  static ObjectNode run(Path script, Path titles) throws IOException, InterruptedException {
    ObjectNode node = Json.MAPPER.createObjectNode();
    if (!Files.isRegularFile(script)) {
      return node.put("skipped", "no peer script at " + script);
    }
    if (!onPath("node") || !onPath("npm")) {
      return node.put("skipped", "node and npm are needed to run the peer");
    }
    Path out = Files.createTempFile("jobcode-peer-", ".json");
    Path log = Files.createTempFile("jobcode-peer-", ".log");
    try {
      Process p = new ProcessBuilder("bash", script.toString(), titles.toString(), out.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return node.put("skipped", "the peer did not finish in 15 minutes");
      }
      if (p.exitValue() != 0 || Files.size(out) == 0) {
        String tail = Files.readString(log);
        return node.put("skipped", "the peer failed (exit " + p.exitValue() + "): "
            + tail.substring(Math.max(0, tail.length() - 300)).strip());
      }
      JsonNode result = Json.MAPPER.readTree(out.toFile());
      return (ObjectNode) result;
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
