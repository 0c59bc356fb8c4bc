package io.smainer.cli;

import picocli.CommandLine;

/** Prints a failure as one readable line (stack trace only with {@code --verbose}) and returns its exit code. */
final class FailurePrinter implements CommandLine.IExecutionExceptionHandler {
    private final CliEnvironment env;

    FailurePrinter(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        boolean verbose = parseResult.hasMatchedOption("--verbose") || parseResult.hasMatchedOption("-v")
                || subcommandMatched(parseResult);
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        env.err().println("smainer: " + message);
        if (verbose) {
            ex.printStackTrace(env.err());
        } else if (!(ex instanceof CliException || ex instanceof io.smainer.cli.relayer.RelayerApiException)) {
            env.err().println("(run again with --verbose for details)");
        }
        env.err().flush();
        return cmd.getExitCodeExceptionMapper() != null
                ? cmd.getExitCodeExceptionMapper().getExitCode(ex)
                : new ExitCodes().getExitCode(ex);
    }

    private static boolean subcommandMatched(CommandLine.ParseResult pr) {
        for (CommandLine.ParseResult sub = pr.subcommand(); sub != null; sub = sub.subcommand()) {
            if (sub.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
