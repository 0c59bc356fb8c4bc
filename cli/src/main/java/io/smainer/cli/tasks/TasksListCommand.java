package io.smainer.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.cli.CliEnvironment;
import io.smainer.cli.CliException;
import io.smainer.cli.ExitCodes;
import io.smainer.cli.GlobalOptions;
import io.smainer.cli.relayer.RelayerOptions;
import io.smainer.protocol.api.TaskStatus;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smainer tasks list}: {@code GET /tasks?status=&limit=&cursor=}, one page; results never listed. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List tasks, oldest first, one page at a time (results are never listed).",
            "The next page's cursor is printed after the page when there is one."})
public final class TasksListCommand implements Runnable {
    private final CliEnvironment env;
    private final GlobalOptions global;

    @Mixin
    RelayerOptions relayer;

    @Option(names = "--status", paramLabel = "STATE", description = "Only tasks in this state (pending, assigned, in_progress, completed, failed, timeout, settled, cancelled).")
    String status;

    @Option(names = "--limit", paramLabel = "N", description = "Page size, 1-500 (relayer default 50).")
    Integer limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Cursor of the page to fetch (from the previous page).")
    String cursor;

    public TasksListCommand(CliEnvironment env, GlobalOptions global) {
        this.env = env;
        this.global = global;
    }

    @Override
    public void run() {
        if (status != null) {
            try {
                TaskStatus.parse(status);
            } catch (RuntimeException e) {
                throw new CliException(ExitCodes.USAGE, "--status '" + status + "' is not a task state: use pending, assigned,"
                        + " in_progress, completed, failed, timeout, settled or cancelled");
            }
        }
        if (limit != null && (limit < 1 || limit > 500)) {
            throw new CliException(ExitCodes.USAGE, "--limit " + limit + " is outside 1-500");
        }
        JsonNode page = relayer.api(env, Optional.empty())
                .tasks(status == null ? null : status.toLowerCase(java.util.Locale.ROOT), limit, cursor);
        JsonNode tasks = page.path("tasks");
        String next = page.hasNonNull("next_cursor") ? page.get("next_cursor").asText() : null;
        if (global.json()) {
            ObjectNode out = ((ObjectNode) page).objectNode();
            ArrayNode list = out.putArray("tasks");
            tasks.forEach(t -> list.add(TaskPrinter.forJson(t, false)));
            out.put("next_cursor", next);
            env.out().println(out);
            return;
        }
        if (tasks.isEmpty()) {
            env.out().println("no tasks" + (status == null ? "" : " in state " + status));
            return;
        }
        env.out().printf("%-36s  %-11s  %-32s  %-24s  %s%n", "TASK", "STATUS", "CREATED", "NODE", "AMOUNT");
        tasks.forEach(t -> TaskPrinter.listLine(env.out(), t));
        if (next != null) {
            env.out().println("next page: smainer tasks list --cursor " + next + (status == null ? "" : " --status " + status)
                    + (limit == null ? "" : " --limit " + limit));
        }
    }
}
