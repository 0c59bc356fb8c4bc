package io.smainer.daemon.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs one kind of task. The built-in kinds (HASH, MATRIX) run our own code in the JVM with bounded
 * input; the sandboxed kinds (CUSTOM, AI_INFERENCE, issue 6) plug in through this same interface.
 *
 * <p>Contract: {@link #run} blocks on a task thread, honours interruption (cancel, timeout, drain),
 * returns the {@code result_data} or throws {@link TaskRunException} with a {@code task_failed} code.
 * Messages it throws must never contain payload or result text.
 */
public interface TaskRunner {

    /** Stable kind name for logs, metrics and {@code /status}, e.g. {@code HASH}. */
    String kind();

    /** Whether this runner serves the payload; cheap, no execution, no side effects. */
    boolean accepts(JsonNode payload);

    /** Why this runner cannot take tasks on this host right now (e.g. no sandbox), or null when it can. */
    default String unavailableReason() {
        return null;
    }

    TaskOutcome run(TaskContext context) throws TaskRunException, InterruptedException;
}
