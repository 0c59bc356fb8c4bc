package io.smainer.cli.relayer;

/**
 * A relayer REST call that did not succeed; {@link Kind} decides the exit code in
 * {@link io.smainer.cli.ExitCodes}. The message names the URL, the HTTP status and the relayer's
 * {@code detail}, and says what to do.
 */
public final class RelayerApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** 401/403: the API key is missing or rejected. */
        UNAUTHORIZED,
        /** 404: no such task or node. */
        NOT_FOUND,
        /** Any other 4xx: the relayer refused the request (validation, payment, conflict). */
        REJECTED,
        /** Connection refused, timeout, 5xx: the relayer is not there or not well. */
        UNAVAILABLE,
        /** A 2xx answer that is not the JSON the protocol promises. */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final int httpStatus;

    public RelayerApiException(Kind kind, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
