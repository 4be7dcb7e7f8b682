package dev.jobcode.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jobcode serve} in a process of its own, from the packaged jar (target/jobcode.jar and
 * target/lib, which {@code mvn verify} builds before the integration tests), on a free port; for
 * tests that kill it as a crash would, or stop it as an operator does.
 */
public final class ServeProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+), ready");

  private final Process process;
  private final int port;
  private final List<String> log;

  private ServeProcess(Process process, int port, List<String> log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts {@code jobcode serve ARGS… --port 0} and waits until it says it is ready. */
  public static ServeProcess start(List<String> args) throws IOException, InterruptedException {
    Path home = RealData.home();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-Djobcode.home=" + home,
        "-cp", home.resolve("target/jobcode.jar") + ":" + home.resolve("target/lib") + "/*",
        "dev.jobcode.cli.Main", "serve", "--port", "0"));
    command.addAll(args);
    if (!Files.exists(home.resolve("target/jobcode.jar"))) {
      throw new IllegalStateException("no target/jobcode.jar: run the integration tests with 'mvn verify'");
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          log.add(line);
          Matcher m = READY.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        // the process went away
      }
      port.completeExceptionally(new IllegalStateException("serve ended before it was ready: " + log));
    }, "serve-log");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServeProcess(p, port.get(120, TimeUnit.SECONDS), log);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException("serve did not start: " + log, e);
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public List<String> log() {
    return List.copyOf(log);
  }

  /** SIGKILL: no shutdown hook, no flush, no close; as a crash or a power cut leaves it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, as an operator stops it; waits for the process to end and returns its exit code. */
  public int stop(Duration wait) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("serve did not stop within " + wait + ": " + log);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
