package io.smainer.cli.callback;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code smainer callback}: the parent of the callback tools. */
@Command(name = "callback", mixinStandardHelpOptions = true, description = "Tools for integrators that receive signed callbacks.")
public final class CallbackCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: verify");
    }
}
