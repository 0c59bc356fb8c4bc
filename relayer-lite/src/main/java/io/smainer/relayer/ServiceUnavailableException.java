package io.smainer.relayer;

/** Something the relayer needs is not available (port taken, store unreachable). Exit code 69. */
public final class ServiceUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
