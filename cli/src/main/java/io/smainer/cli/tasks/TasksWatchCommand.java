package io.smainer.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.GlobalOptions;
import io.smainer.cli.ProgressLine;
import io.smainer.cli.relayer.RelayerApi;
import io.smainer.cli.relayer.RelayerOptions;
import io.smainer.protocol.api.TaskStatus;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smainer tasks watch TASK}: polls {@code GET /tasks/{id}} until the task is final, with a spinner
 * on a terminal; then prints the task. Exit 0 for completed/settled, 1 for failed/timeout/cancelled or
 * when {@code --timeout} runs out first.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Wait until a task is final, then print it.",
            "Exit 0 when it completed (or settled), 1 when it failed, timed out, was cancelled, or --timeout ran out."})
public final class TasksWatchCommand implements Callable<Integer> {
    private final CliEnvironment env;
    private final GlobalOptions global;

    @Mixin
    RelayerOptions relayer;

    @Parameters(index = "0", paramLabel = "TASK", description = "The task id.")
    String taskId;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1", description = "Seconds between polls (default ${DEFAULT-VALUE}).")
    double interval;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0", description = "Give up after this many seconds (default 0: wait as long as it takes).")
    long timeout;

    @Option(names = "--show-result", description = "Also print the result when it is there (sensitive user data).")
    boolean showResult;

    public TasksWatchCommand(CliEnvironment env, GlobalOptions global) {
        this.env = env;
        this.global = global;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (interval < 0.05 || interval > 3600) {
            throw new CliException(ExitCodes.USAGE, "--interval " + interval + " is outside 0.05-3600 seconds");
        }
        RelayerApi api = relayer.api(env, Optional.empty());
        long start = System.nanoTime();
        JsonNode view;
        TaskStatus status;
        try (ProgressLine progress = ProgressLine.start(env, "task " + taskId + ": asking " + api.base())) {
            while (true) {
                view = api.task(taskId);
                status = TaskStatus.parse(view.path("status").asText());
                long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                if (status.isFinal()) {
                    break;
                }
                progress.update("task " + taskId + ": " + status.wireName() + " (attempt " + view.path("attempts").asInt()
                        + ", " + elapsed + " s)");
                if (timeout > 0 && elapsed >= timeout) {
                    print(view);
                    env.err().println("smainer: task " + taskId + " is still " + status.wireName() + " after " + timeout
                            + " s (--timeout); it keeps running: watch it again later");
                    return ExitCodes.FAILED;
                }
                Thread.sleep(Math.round(interval * 1000));
            }
        }
        print(view);
        return status == TaskStatus.COMPLETED || status == TaskStatus.SETTLED ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void print(JsonNode view) {
        if (global.json()) {
            env.out().println(TaskPrinter.forJson(view, showResult));
        } else {
            TaskPrinter.text(env.out(), view, showResult);
        }
    }
}
