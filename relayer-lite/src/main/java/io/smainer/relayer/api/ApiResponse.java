package io.smainer.relayer.api;

/** A route's answer: status and JSON body bytes. */
public record ApiResponse(int status, byte[] body) {}
