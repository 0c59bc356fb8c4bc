package io.smainer.protocol;

import java.util.List;

/**
 * A message or body that breaks PROTOCOL.md. Carries what went wrong ({@link Kind}), where
 * ({@link #location()}, FastAPI-style {@code loc}) and, for unknown frames, the offending
 * {@code event_type}. Messages never contain payload or result text.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Stable reasons; the relayer turns them into error codes. */
    public enum Kind {
        MALFORMED_JSON("malformed_json"),
        TOO_LARGE("too_large"),
        UNKNOWN_EVENT_TYPE("unknown_event_type"),
        MISSING_FIELD("missing_field"),
        INVALID_FIELD("invalid_field");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The stable snake_case code used in error bodies and {@code error} frames. */
        public String code() {
            return code;
        }
    }

    private final Kind kind;
    private final List<Object> location;
    private final String eventType;

    public ProtocolException(Kind kind, String message, List<Object> location, String eventType) {
        super(message);
        this.kind = kind;
        this.location = List.copyOf(location);
        this.eventType = eventType;
    }

    public ProtocolException(Kind kind, String message) {
        this(kind, message, List.of(), null);
    }

    public static ProtocolException unknownEventType(String eventType) {
        String shown = eventType == null ? "null" : Limits.clip(eventType, 64);
        return new ProtocolException(Kind.UNKNOWN_EVENT_TYPE,
                "unknown event_type '" + shown + "'", List.of("event_type"), shown);
    }

    public Kind kind() {
        return kind;
    }

    /** Path to the offending field, e.g. {@code ["body", "requirements", "cpu_threads"]}; empty if none. */
    public List<Object> location() {
        return location;
    }

    /** The {@code event_type} that was not understood, or null. */
    public String eventType() {
        return eventType;
    }
}
