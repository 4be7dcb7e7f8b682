package dev.jobcode.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the command line in the test's JVM: its exit code, and what it wrote to picocli's
 * output and error writers (captured there, so System.out and System.err are left alone).
 */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(args);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    return new CliRun(exit, out.toString(), err.toString());
  }
}
