package io.smainer.cli.tasks;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code smainer tasks}: the parent of the task commands. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "Submit tasks to a relayer, follow them, and audit their payment on chain.")
public final class TasksCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose one of: submit, get, watch, list, verify");
    }
}
