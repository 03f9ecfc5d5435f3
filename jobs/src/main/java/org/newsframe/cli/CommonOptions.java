package org.newsframe.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
  @Option(
      names = {"-v", "--verbose"},
      description = "Print the stack trace when the command fails.")
  boolean verbose;
}
