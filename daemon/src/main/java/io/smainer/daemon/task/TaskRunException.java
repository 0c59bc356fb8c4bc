package io.smainer.daemon.task;

import io.smainer.protocol.wire.TaskErrorCode;

/** A task that ran and failed; becomes {@code task_failed} with {@link #code()}. No payload text in the message. */
public final class TaskRunException extends Exception {
    private static final long serialVersionUID = 1L;

    private final TaskErrorCode code;

    public TaskRunException(TaskErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public TaskErrorCode code() {
        return code;
    }
}
