package io.smainer.sandbox;

import io.smainer.protocol.wire.TaskErrorCode;

/**
 * The sandbox could not be set up, entered or torn down. Message names the subsystem, the path or
 * value and the fix (and the config key when one applies); never task code, payload or output.
 * Maps to {@code SANDBOX_ERROR} unless a more precise {@link TaskErrorCode} is given.
 */
public final class SandboxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final TaskErrorCode code;

    public SandboxException(String message) {
        this(TaskErrorCode.SANDBOX_ERROR, message, null);
    }

    public SandboxException(String message, Throwable cause) {
        this(TaskErrorCode.SANDBOX_ERROR, message, cause);
    }

    public SandboxException(TaskErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public TaskErrorCode code() {
        return code;
    }
}
