package io.smainer.daemon.lifecycle;

/** Another daemon holds the state dir's lock; mapped to exit code 69 (unavailable). */
public final class StateDirLockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateDirLockedException(String message) {
        super(message);
    }
}
