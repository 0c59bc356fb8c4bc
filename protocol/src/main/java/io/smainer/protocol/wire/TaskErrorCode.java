package io.smainer.protocol.wire;

/** Known {@code task_failed.error_code}s (PROTOCOL.md §2) and which ones another node may retry. */
public enum TaskErrorCode {
    NOT_ELIGIBLE(true),
    CAPACITY(true),
    BACKEND_UNAVAILABLE(true),
    TIMEOUT(false),
    RESOURCE_LIMIT(false),
    SANDBOX_ERROR(false),
    INVALID_PAYLOAD(false),
    EXECUTION_ERROR(false),
    CANCELLED(false);

    private final boolean retryableElsewhere;

    TaskErrorCode(boolean retryableElsewhere) {
        this.retryableElsewhere = retryableElsewhere;
    }

    public boolean retryableElsewhere() {
        return retryableElsewhere;
    }

    /** Whether a {@code task_failed} with this code should be re-queued for another node. */
    public static boolean isRetryable(String code) {
        for (TaskErrorCode c : values()) {
            if (c.name().equals(code)) {
                return c.retryableElsewhere;
            }
        }
        return false;
    }
}
