package io.smainer.protocol.api;

/**
 * One delivery attempt of a signed callback: which event, when, and what came back
 * ({@code httpStatus} null on a connection error, {@code error} a short reason, never a body).
 */
public record CallbackAttempt(
        String eventId,
        String kind,
        int attempt,
        String at,
        Integer httpStatus,
        String error,
        String nextRetryAt) {}
