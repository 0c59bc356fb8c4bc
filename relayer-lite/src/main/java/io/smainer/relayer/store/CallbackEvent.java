package io.smainer.relayer.store;

/**
 * One outbox entry: a callback event of a task ({@link Kind#ASSIGNED} or {@link Kind#FINAL}) that is
 * delivered at least once. The body is rebuilt from the task row at send time, so the outbox holds no
 * result bytes of its own.
 */
public record CallbackEvent(String eventId, String taskId, Kind kind, State state, int attempts, long nextAttemptAtMillis) {

    /** Which callback this is (PROTOCOL.md §3). */
    public enum Kind {
        ASSIGNED, FINAL;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Delivery state. {@code SUPERSEDED}: an assigned event not yet sent when the final one was ready. */
    public enum State {
        PENDING, DELIVERED, FAILED, SUPERSEDED;

        public boolean isOpen() {
            return this == PENDING;
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
