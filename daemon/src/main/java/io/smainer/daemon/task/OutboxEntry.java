package io.smainer.daemon.task;

import java.time.Instant;

/**
 * One durable result frame: {@code task_completed} or {@code task_failed} exactly as it is (re)sent,
 * keyed by its {@code event_id} (what the relayer's ack names) and its task id. {@code frame} holds
 * the result and is never logged.
 */
public record OutboxEntry(String taskId, String eventId, String eventType, Instant createdAt, String frame) {
    @Override
    public String toString() {
        return "OutboxEntry[taskId=" + taskId + ", eventId=" + eventId + ", type=" + eventType + ", frame=<"
                + frame.length() + " chars>]";
    }
}
