package org.newsframe.cli;

import java.io.PrintWriter;
import java.util.List;
import org.newsframe.Failures;
import org.newsframe.NewsframeException;
import org.newsframe.UsageException;
import org.newsframe.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newsframe} command line. Exit codes: 0 success, 2 usage error (the message names the
 * option and value), 1 failure (the message says what failed; the stack trace only with {@code
 * --verbose}). The same class is the main class for {@code spark-submit}.
 */
@Command(
    name = "newsframe",
    mixinStandardHelpOptions = true,
    versionProvider = Newsframe.Version.class,
    description = "Spark jobs that cluster syndicated news and compare how outlets frame a story.",
    subcommands = {RunCommand.class, IngestCommand.class, GenerateCopiesCommand.class, BenchCommand.class, BenchSyndicationCommand.class, BenchTextCommand.class, EvaluateStoriesCommand.class, CommandLine.HelpCommand.class})
public final class Newsframe implements Runnable {

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code, without exiting (tests call this). */
  public static int execute(String... args) {
    return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
  }

  /** The command line with its error handling, printing to {@code out} and {@code err}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Newsframe());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(Newsframe::handle);
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: run, ingest, generate-copies or help");
  }

  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    boolean verbose = verbose(parsed);
    String name = cmd.getCommandSpec().qualifiedName();
    if (e instanceof UsageException) {
      err.println(name + ": " + e.getMessage());
      err.println("Try '" + name + " --help' for the options.");
      return USAGE;
    }
    String what = e instanceof NewsframeException ? e.getMessage() : describe(e);
    err.println(name + " failed: " + what);
    if (verbose) {
      e.printStackTrace(err);
    } else {
      err.println("(run with --verbose for the stack trace)");
    }
    err.flush();
    return FAILURE;
  }

  /** An unexpected exception as one line: its type and message, and the root cause's. */
  static String describe(Throwable e) {
    Throwable root = Failures.root(e);
    String msg = e.getClass().getSimpleName() + ": " + Failures.firstLine(e.getMessage());
    if (root != e) {
      msg += " (caused by " + root.getClass().getSimpleName() + ": " + Failures.firstLine(root.getMessage()) + ")";
    }
    return msg;
  }

  private static boolean verbose(CommandLine.ParseResult parsed) {
    List<String> args = parsed == null ? List.of() : parsed.originalArgs();
    return args.contains("--verbose") || args.contains("-v");
  }

  /** {@code --version}: newsframe and the Spark it runs on. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return Versions.all().entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue())
          .toArray(String[]::new);
    }
  }
}
