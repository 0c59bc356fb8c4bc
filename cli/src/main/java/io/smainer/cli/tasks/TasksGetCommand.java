package io.smainer.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.GlobalOptions;
import io.smainer.cli.relayer.RelayerOptions;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smainer tasks get TASK}: {@code GET /tasks/{id}}; the result only with {@code --show-result}. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Show one task as the relayer sees it (state, node, times, settlement). Results are shown only with --show-result.")
public final class TasksGetCommand implements Runnable {
    private final CliEnvironment env;
    private final GlobalOptions global;

    @Mixin
    RelayerOptions relayer;

    @Parameters(index = "0", paramLabel = "TASK", description = "The task id printed by tasks submit.")
    String taskId;

    @Option(names = "--show-result", description = "Also print the result (sensitive user data).")
    boolean showResult;

    public TasksGetCommand(CliEnvironment env, GlobalOptions global) {
        this.env = env;
        this.global = global;
    }

    @Override
    public void run() {
        JsonNode view = relayer.api(env, Optional.empty()).task(taskId);
        if (global.json()) {
            env.out().println(TaskPrinter.forJson(view, showResult));
        } else {
            TaskPrinter.text(env.out(), view, showResult);
        }
    }
}
