package io.smainer.daemon.isolation;

import io.smainer.daemon.task.TaskRunException;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.sandbox.SandboxException;

/**
 * The one translation of the sandbox module's typed errors into {@code task_failed}: the
 * {@link SandboxException#code()} is already a protocol code (TIMEOUT, RESOURCE_LIMIT, INVALID_PAYLOAD,
 * NOT_ELIGIBLE, BACKEND_UNAVAILABLE, SANDBOX_ERROR), and its message never holds code, prompts or output.
 */
final class TaskFailures {
    private TaskFailures() {
    }

    static TaskRunException of(SandboxException e) {
        TaskErrorCode code = e.code() == null ? TaskErrorCode.SANDBOX_ERROR : e.code();
        return new TaskRunException(code, e.getMessage());
    }
}
