package io.smainer.relayer.store;

/** One logged delivery attempt; {@code httpStatus} null on a connection error. Never a body. */
public record DeliveryAttempt(
        String taskId,
        String eventId,
        CallbackEvent.Kind kind,
        int attempt,
        long atMillis,
        Integer httpStatus,
        String error,
        Long nextRetryAtMillis) {}
