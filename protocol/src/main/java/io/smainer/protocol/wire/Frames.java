package io.smainer.protocol.wire;

import io.smainer.protocol.FieldViolation;
import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Envelope rules shared by every frame: event ids and timestamps. */
public final class Frames {
    /** Python's {@code datetime.now(timezone.utc).isoformat()} shape: {@code 2026-01-01T00:00:00.123456+00:00}. */
    private static final DateTimeFormatter PYTHON_ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private Frames() {}

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    public static String timestamp(Instant at) {
        return PYTHON_ISO.format(at.atOffset(ZoneOffset.UTC));
    }

    public static String now() {
        return timestamp(Instant.now());
    }

    /**
     * Parses an ISO-8601 timestamp as production sends it: with an offset, with {@code Z}, or
     * without a zone (taken as UTC, as Python's naive {@code utcnow().isoformat()}).
     */
    public static Instant parseTimestamp(String field, String text) {
        Require.present(field, text);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException naive) {
                throw FieldViolation.invalid(field, "'" + Limits.clip(text, 64) + "' is not an ISO-8601 timestamp");
            }
        }
    }

    /** Envelope check every record runs: a present event id and a parseable timestamp. */
    static void envelope(String eventId, String timestamp) {
        Require.text("event_id", eventId, Limits.MAX_ID_CHARS);
        parseTimestamp("timestamp", timestamp);
    }

    static String taskId(String taskId) {
        return Require.text("task_id", taskId, Limits.MAX_ID_CHARS);
    }
}
