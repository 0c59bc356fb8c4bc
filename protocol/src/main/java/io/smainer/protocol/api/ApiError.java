package io.smainer.protocol.api;

/** FastAPI-style error body {@code {"detail": "...", "code": "..."}}; {@code code} is ours and stable. */
public record ApiError(String detail, String code) {}
