package io.smainer.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.smainer.protocol.FieldViolation;
import java.util.Locale;

/**
 * Task lifecycle (PROTOCOL.md §1): {@code pending → assigned → in_progress → completed | failed |
 * timeout}, {@code completed → settled}, {@code pending|assigned → cancelled}.
 */
public enum TaskStatus {
    PENDING,
    ASSIGNED,
    IN_PROGRESS,
    COMPLETED,
    FAILED,
    TIMEOUT,
    SETTLED,
    CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** No further execution happens: the payload can be dropped and the final callback sent. */
    public boolean isFinal() {
        return switch (this) {
            case COMPLETED, FAILED, TIMEOUT, SETTLED, CANCELLED -> true;
            case PENDING, ASSIGNED, IN_PROGRESS -> false;
        };
    }

    /** Whether the lifecycle allows moving from this state to {@code next}. */
    public boolean canMoveTo(TaskStatus next) {
        return switch (this) {
            case PENDING -> next == ASSIGNED || next == CANCELLED || next == FAILED || next == TIMEOUT;
            case ASSIGNED -> next == IN_PROGRESS || next == PENDING || next == CANCELLED
                    || next == COMPLETED || next == FAILED || next == TIMEOUT;
            case IN_PROGRESS -> next == COMPLETED || next == FAILED || next == TIMEOUT || next == PENDING;
            case COMPLETED -> next == SETTLED;
            case FAILED, TIMEOUT, SETTLED, CANCELLED -> false;
        };
    }

    @JsonCreator
    public static TaskStatus fromWire(String name) {
        for (TaskStatus s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw FieldViolation.invalid("status", "'" + name + "' is not a task status");
    }

    public static TaskStatus parse(String name) {
        return fromWire(name == null ? "" : name.toLowerCase(Locale.ROOT));
    }
}
