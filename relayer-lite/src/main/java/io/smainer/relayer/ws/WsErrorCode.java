package io.smainer.relayer.ws;

import java.util.Locale;

/** Stable {@code error_code}s of the relayer's {@code error} frames (docs/relayer-lite.md "WebSocket errors"). */
public enum WsErrorCode {
    MALFORMED_JSON,
    UNKNOWN_EVENT_TYPE,
    INVALID_FIELD,
    MISSING_FIELD,
    TOO_LARGE,
    UNSUPPORTED_FRAME,
    UNEXPECTED_EVENT_TYPE,
    NOT_REGISTERED,
    ALREADY_REGISTERED,
    NODE_ID_MISMATCH,
    STALE_TIMESTAMP,
    INVALID_AUTH_SIGNATURE,
    KEY_NOT_ACCEPTED,
    REPLAYED_AUTH,
    UNKNOWN_TASK,
    INVALID_RESULT_HASH,
    INVALID_RESULT_SIGNATURE,
    INVALID_RESULT,
    INTERNAL_ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
