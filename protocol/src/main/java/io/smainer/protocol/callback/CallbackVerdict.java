package io.smainer.protocol.callback;

/**
 * Why {@link CallbackSignature#verify} accepted or rejected a callback. Carries no request data, so it
 * is safe to log. Production receivers answer 401 {@code invalid_signature} for every rejection.
 */
public enum CallbackVerdict {
    /** Signature matches and the timestamp is within ±300 s of the receiver's clock. */
    ACCEPTED,
    /** Well-formed headers, but the signature is not the HMAC of this timestamp and body under our secret. */
    BAD_SIGNATURE,
    /** Correctly signed, but the timestamp is more than 300 s from the receiver's clock. */
    STALE_TIMESTAMP,
    /** A header is missing, or not the decimal seconds / 64 hex digits the protocol sends. */
    MALFORMED,
    /** The receiver has no secret configured, so nothing can be trusted (fail closed). */
    NO_SECRET;

    public boolean accepted() {
        return this == ACCEPTED;
    }
}
